package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.AclResources;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.SandboxStorefront;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.CustomerFields;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.StockPicks;

/**
 * Stock in seconds, on Magento's facts: a source-level change shows in the website's stock index, which one request
 * per cycle reads whole; an order moves only reservations, which the order signals find by the order's
 * {@code updated_at}, asked with a {@code fields=} projection so that no customer field ever leaves the store. The
 * salable-quantity scan is off here: what these tests see, the stock index and the order signals did.
 */
class StockInSecondsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration LOOK = Duration.ofSeconds(1);
    private static final Predicate<JsonNode> CARRIES_SALABLE = event -> event.hasNonNull("salable");
    private static final Predicate<JsonNode> SOLD_OUT = CARRIES_SALABLE.and(e -> !e.get("salable").get("is_salable").asBoolean());
    private static final Predicate<JsonNode> SALABLE = CARRIES_SALABLE.and(e -> e.get("salable").get("is_salable").asBoolean());

    private static InProcessConnector.Builder connector(SandboxOptions.Builder store) {
        return InProcessConnector.builder()
                .store(store.productCount(60).storefront(StorefrontOptions.full()).build())
                .stream("products")
                .storeCodes("default")
                .partitions(1)
                .pageSize(300)
                .pollInterval("300ms");
    }

    @Test
    void anOrderThatSellsOutTheLastChildReachesKafkaWithItsConfigurableAndACancelPutsThemBack() {
        StockPicks.LastChild[] picked = new StockPicks.LastChild[1];
        try (InProcessConnector connector = connector(SandboxOptions.builder()).option("orderSignals", "true")
                .beforeStart(store -> picked[0] = StockPicks.configurableWithOneSalableChild(store, "base")).start()) {
            SandboxStorefront storefront = connector.store().catalog().storefront();
            String parent = picked[0].parent();
            String last = picked[0].child();
            LatestEvents.await(connector.topic("products"), parent, SALABLE, WAIT, LOOK);

            int order = storefront.placeOrder(last, "base", storefront.salableQuantity(last, "base").orElseThrow());

            JsonNode child = LatestEvents.await(connector.topic("products"), last, SOLD_OUT, WAIT, LOOK);
            assertEquals(0.0, child.get("salable").get("quantity").asDouble(), 1e-9);
            JsonNode configurable = LatestEvents.await(connector.topic("products"), parent, SOLD_OUT, WAIT, LOOK);
            assertFalse(configurable.get("inventory").get("in_stock").asBoolean());

            storefront.cancelOrder(order);

            LatestEvents.await(connector.topic("products"), last, SALABLE, WAIT, LOOK);
            LatestEvents.await(connector.topic("products"), parent, SALABLE, WAIT, LOOK);
            CustomerFields.assertNeverAskedNorServed(connector.store());
        }
    }

    @Test
    void aRefundReturnsTheProductToStockThroughTheCreditMemos() {
        StockPicks.LastChild[] picked = new StockPicks.LastChild[1];
        try (InProcessConnector connector = connector(SandboxOptions.builder()).option("orderSignals", "true")
                .option("creditMemoInterval", "300ms")
                .beforeStart(store -> picked[0] = StockPicks.configurableWithOneSalableChild(store, "base")).start()) {
            SandboxStorefront storefront = connector.store().catalog().storefront();
            String last = picked[0].child();
            LatestEvents.await(connector.topic("products"), last, SALABLE, WAIT, LOOK);
            int order = storefront.placeOrder(last, "base", storefront.salableQuantity(last, "base").orElseThrow());
            LatestEvents.await(connector.topic("products"), last, SOLD_OUT, WAIT, LOOK);

            storefront.refundOrder(order);

            LatestEvents.await(connector.topic("products"), last, SALABLE, WAIT, LOOK);
            assertFalse(connector.store().requests().matching("/V1/creditmemos").isEmpty(), "the credit memos were read");
            CustomerFields.assertNeverAskedNorServed(connector.store());
        }
    }

    @Test
    void aSourceItemChangeReachesTheProductEventWithinOneStockIndexCycle() {
        try (InProcessConnector connector = connector(SandboxOptions.builder()).option("stockIndex", "true")
                .option("stockIndexInterval", "1s").start()) {
            SandboxStore store = connector.store();
            ObjectNode item = StockPicks.salableSourceItem(store, "base", s -> false);
            String sku = item.get("sku").asText();
            LatestEvents.await(connector.topic("products"), sku, SALABLE, WAIT, LOOK);
            connector.log().await(Pattern.compile("stock index of website base \\(stock 1\\): baseline"), WAIT);

            store.catalog().setSourceItemQuantity(sku, item.get("source_code").asText(), item.get("quantity").asDouble() + 7);
            double expected = store.catalog().storefront().salableQuantity(sku, "base").orElseThrow();

            JsonNode event = LatestEvents.await(connector.topic("products"), sku,
                    CARRIES_SALABLE.and(e -> e.get("salable").get("quantity").asDouble() == expected), WAIT, LOOK);
            assertEquals(expected, event.get("salable").get("quantity").asDouble(), 1e-9);
            assertTrue(connector.log().count(Pattern.compile("stock index of website base \\(stock 1\\): 1 of \\d+ SKUs changed")) >= 1,
                    connector.log().text());
        }
    }

    @Test
    void withoutASalesGrantOrderSignalsAreSaidOnceAndProductsStillFlow() throws InterruptedException {
        Set<String> catalogOnly = Set.of(AclResources.PRODUCTS, AclResources.CATEGORIES, AclResources.INVENTORY_SOURCE,
                AclResources.INVENTORY_STOCK, AclResources.STORE, AclResources.ATTRIBUTES);
        try (InProcessConnector connector = connector(SandboxOptions.builder().grantedResources(catalogOnly))
                .option("orderSignals", "true").start()) {
            String sku = connector.store().catalog().products().get(0).get("sku").asText();
            LatestEvents.await(connector.topic("products"), sku, CARRIES_SALABLE, WAIT, LOOK);
            connector.log().await(Pattern.compile("order signals \\(GET /V1/orders\\) not granted: Magento_Sales::actions_view"), WAIT);
            Thread.sleep(2_000); // several more polls

            assertEquals(1, connector.log().count(Pattern.compile("order signals \\(GET /V1/orders\\) not granted")), connector.log().text());
            assertEquals(1, connector.store().requests().matching("/V1/orders").size(), "asked again only after magento.metadata-refresh");
        }
    }

    @Test
    void whileTheStockIndexServesTheSourceItemScanPausesAndReadsOnlyTheSkusThatChanged() {
        try (InProcessConnector connector = connector(SandboxOptions.builder()).stream("source-items")
                .option("stockIndex", "true").option("stockIndexInterval", "1s").start()) {
            SandboxStore store = connector.store();
            ObjectNode item = StockPicks.salableSourceItem(store, "base", s -> false);
            String sku = item.get("sku").asText();
            String key = sku + "|" + item.get("source_code").asText();
            connector.log().await(Pattern.compile("magento:source-items the stock index serves this store: a full scan cycle every 60 min"), WAIT);
            long cycles = fullCyclePages(store);

            double quantity = item.get("quantity").asDouble() + 13;
            store.catalog().setSourceItemQuantity(sku, item.get("source_code").asText(), quantity);

            JsonNode sourceItem = LatestEvents.await(connector.topic("source-items"), key,
                    e -> e.path("quantity").asDouble() == quantity, WAIT, LOOK);
            assertEquals(quantity, sourceItem.get("quantity").asDouble(), 1e-9);
            double expected = store.catalog().storefront().salableQuantity(sku, "base").orElseThrow();
            LatestEvents.await(connector.topic("products"), sku,
                    CARRIES_SALABLE.and(e -> e.get("salable").get("quantity").asDouble() == expected), WAIT, LOOK);
            assertEquals(cycles, fullCyclePages(store), "no full scan cycle during the pause: only the SKU that changed was read");
            assertTrue(store.requests().all().stream().anyMatch(r -> r.path().endsWith("/V1/inventory/source-items") && r.filters("sku", "in")),
                    "read by SKU");
        }
    }

    /** Pages of the source-items scan reading every row (no filter). */
    private static long fullCyclePages(SandboxStore store) {
        return store.requests().matching("/V1/inventory/source-items").stream().filter(r -> !r.filters("sku", "in")).count();
    }
}
