package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * A store without products-render-info (404): prices from the product's price and its special-price window on the
 * store view's date, URLs from catalog/product/view, said once in the log however many pages.
 */
class PricesWithoutRenderInfoTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @AutoClose
    private static InProcessConnector connector;
    private static SandboxStore store;

    @BeforeAll
    static void start() {
        connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(150)
                        .storefront(StorefrontOptions.full().withSecondWebsite(false).withRenderInfo(false)).build())
                .stream("products")
                .pageSize(40)
                .start();
        store = connector.store();
    }

    @Test
    void withoutRenderInfoPricesComeFromSpecialPriceDates() {
        List<ObjectNode> products = store.catalog().products();
        Map<String, JsonNode> events = new HashMap<>();
        TestKafka.read(connector.topic("products"), products.size(), WAIT, Duration.ZERO)
                .forEach(r -> events.put(r.key(), Records.json(r)));
        int applying = 0;
        int notApplying = 0;
        for (ObjectNode p : products) {
            String sku = p.get("sku").asText();
            // The simulator's price index (what render-info would answer) for simple products: price and special window.
            Optional<Double> indexed = store.catalog().storefront().finalPrice(sku, "default");
            if (!"simple".equals(p.get("type_id").asText()) || indexed.isEmpty() || !p.toString().contains("special_price")) {
                continue;
            }
            JsonNode prices = events.get(sku).get("prices");
            assertEquals(indexed.get(), prices.get("final").asDouble(), sku + ": " + prices);
            assertEquals(p.get("price").asDouble(), prices.get("regular").asDouble(), sku);
            assertEquals("USD", prices.get("currency").asText());
            assertEquals(prices.get("final"), prices.get("min"));
            assertEquals(prices.get("final"), prices.get("max"));
            assertTrue(prices.get("special").get("from").asText().matches("\\d{4}-\\d{2}-\\d{2}"), prices.toString());
            if (prices.get("final").asDouble() < prices.get("regular").asDouble()) {
                applying++;
            } else {
                notApplying++;
            }
            String url = events.get(sku).get("urls").get("product").asText();
            assertTrue(url.startsWith(store.baseUrl() + "/catalog/product/view/id/" + p.get("id").asInt() + "/s/"), url);
        }
        assertTrue(applying > 0 && notApplying > 0, "windows open today " + applying + ", not today " + notApplying);
        assertEquals(1, connector.log().count(Pattern.compile("products-render-info answered 404 .*said once")),
                connector.log().text());
    }
}
