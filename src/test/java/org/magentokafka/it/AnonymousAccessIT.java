package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.SandboxCredentials;
import org.magentokafka.testing.TestKafka;

/**
 * magento.auth.mode=none against a store with Magento's Allow Anonymous Guest Access on and off: products arrive
 * without any credential when the store serves them to guests, and the connection check says, per stream, whether
 * the store serves it anonymously and what to change when it does not.
 */
class AnonymousAccessIT {

    private static final int PRODUCTS = 30;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void productsArriveWithoutCredentialsWhenTheStoreAllowsGuests() {
        try (ConnectorEnvironment environment = anonymous(true).topic("products", "anonymous").otherStreamsDisabled().start()) {
            SandboxStore store = environment.store();
            String topic = environment.topic("products");
            ConnectorProcess connector = environment.start("anonymous-products");
            connector.awaitLine(Pattern.compile("magento:products synced " + PRODUCTS + " items"), WAIT);
            List<ConsumerRecord<String, String>> records = TestKafka.readAtLeast(topic, PRODUCTS, WAIT);
            Map<String, ConsumerRecord<String, String>> latest = Records.latestByKey(records);
            assertEquals(PRODUCTS, latest.size());
            List<JsonNode> events = latest.values().stream().map(Records::json).toList();
            assertTrue(events.stream().allMatch(e -> e.get("inventory").isNull()),
                    "a guest is never shown stock: unknown, not zero: " + events.get(0));
            assertTrue(events.stream().anyMatch(e -> !e.get("categories").isEmpty()),
                    "the category tree is served to guests, so category paths are there: " + events.get(0));
            assertTrue(store.requests().all().stream().allMatch(r -> r.header("authorization") == null),
                    "no Authorization header is ever sent");
            assertTrue(store.requests().matching("/V1/inventory/source-items").isEmpty()
                       && store.requests().matching("/V1/products/attributes").isEmpty(),
                    "look-ups Magento never serves to guests are not sent");
        }
    }

    @Test
    void theCheckSaysWhichStreamsGuestsGetAndWhatToChangeForTheOthers() {
        try (ConnectorEnvironment environment = anonymous(true).start()) {
            String out = check("anonymous-check-on", environment);
            assertTrue(out.matches("(?s).*products\\s+GET /rest/default/V1/products\\s+OK \\(" + PRODUCTS + " items, served to guests\\).*"), out);
            for (String[] refused : List.of(new String[] {"categories", "Magento_Catalog::categories"},
                    new String[] {"cms-pages", "Magento_Cms::page"}, new String[] {"source-items", "Magento_InventoryApi::source"},
                    new String[] {"product-attributes", "Magento_Catalog::attributes_attributes"})) {
                assertTrue(out.matches("(?s).*" + refused[0] + "\\s+GET \\S+\\s+NEVER SERVED TO GUESTS \\(Magento requires "
                                       + Pattern.quote(refused[1]) + "\\).*magento.streams." + refused[0] + ".enabled=false.*"), out);
            }
            // The storefront look-ups: the store configs and render-info are served to guests, the rest is not asked.
            assertTrue(out.matches("(?s).*store-configs\\s+GET /rest/default/V1/store/storeConfigs\\s+OK.*"), out);
            assertTrue(out.matches("(?s).*render-info\\s+GET /rest/default/V1/products-render-info\\s+OK.*"), out);
            assertTrue(out.matches("(?s).*salable-qty\\s+GET \\S+\\s+NOT ASKED: never served to guests; with magento.auth.mode=none"
                                   + " events carry salable null.*"), out);
        }
    }

    @Test
    void theCheckNamesTheAllowAnonymousGuestAccessSettingWhenItIsOff() {
        try (ConnectorEnvironment environment = anonymous(false).start()) {
            String out = check("anonymous-check-off", environment);
            assertTrue(out.matches("(?s).*products\\s+GET /rest/default/V1/products\\s+NOT SERVED TO GUESTS: set Allow Anonymous"
                                   + " Guest Access = Yes.*"), out);
        }
    }

    private static String check(String name, ConnectorEnvironment environment) {
        ConnectorProcess check = environment.start(name, "--check");
        assertEquals(1, check.awaitExit(WAIT), check.output());
        return check.output();
    }

    /** A store that serves guests (or not) and a connector that signs in as nobody. */
    private static ConnectorEnvironment.Builder anonymous(boolean anonymousGuestAccess) {
        return ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default"))
                        .anonymousGuestAccess(anonymousGuestAccess).build())
                .pollInterval("500ms")
                .env(SandboxCredentials.anonymous())
                .env("MAGENTO_STORE_CODES", "default");
    }
}
