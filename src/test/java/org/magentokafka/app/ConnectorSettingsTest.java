package org.magentokafka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.magentokafka.auth.AuthMode;

/** The application reads its settings typed, with the documented spellings, once. */
class ConnectorSettingsTest {

    @Test
    void settingsAreTypedWithTheOperatorsSpellings() {
        SettingsReader reader = reader(Map.of("magento.auth.mode", " OAuth1 ", "magento.ha.lease-time", "10S",
                "magento.health.stale-after", "PT15M", "magento.health.max-failed-polls", "3", "magento.ha.enabled", "yes"));
        ConnectorSettings settings = ConnectorSettings.read(reader);
        assertEquals(List.of(), reader.problems());
        assertEquals(AuthMode.OAUTH1, settings.authMode());
        assertEquals(Duration.ofSeconds(10), settings.haLeaseTime());
        assertEquals(Duration.ofMinutes(15), settings.healthStaleAfter());
        assertEquals(3, settings.healthMaxFreshnessCycles(), "the default when unset");
        assertEquals(true, settings.haEnabled(), "booleans of switches read as MicroProfile Config reads them");
    }

    @Test
    void topicsAreThoseOfEnabledStreamsOnePerStoreViewForStoreScopedStreams() {
        Map<String, String> values = new HashMap<>(Map.of("magento.store-codes", "default, de,default"));
        for (String stream : List.of("products", "categories", "cms-pages", "source-items", "product-attributes")) {
            values.put("magento.streams." + stream + ".enabled", String.valueOf(!stream.equals("categories")));
            values.put("magento.streams." + stream + ".topic", "magento." + stream);
        }
        ConnectorSettings settings = ConnectorSettings.read(reader(values));
        assertEquals(List.of("magento.products", "magento.products.de", "magento.cms-pages", "magento.source-items",
                "magento.product-attributes", "magento.product-attributes.de"), settings.topics());
        assertEquals(List.of("products", "cms-pages", "source-items", "product-attributes"), settings.enabledStreams());
    }

    private static SettingsReader reader(Map<String, String> raw) {
        return new SettingsReader(name -> ConfigValue.builder().withName(name).withValue(raw.get(name)).withRawValue(raw.get(name)).build());
    }
}
