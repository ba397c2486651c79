package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.SandboxStorefront;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * Issue 14's salable stock: each product event carries the store view's website stock's salable state, a
 * configurable's from its enabled children; orders (reservations, which touch neither products nor source items)
 * are found by the background salable-quantity scan, which publishes again exactly the SKUs whose state moved;
 * a store without the inventory modules falls back to the source items.
 */
class SalableStockTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** How long each look at the products topic reads it. */
    private static final Duration LOOK = Duration.ofSeconds(1);
    /** The events awaited carry the product's salable state. */
    private static final Predicate<JsonNode> CARRIES_SALABLE = event -> event.hasNonNull("salable");
    private static final Pattern SYNCED = Pattern.compile("magento:products synced \\d+ items");
    private static final Pattern BASELINE = Pattern.compile("magento:products salable-quantity scan of website base \\(stock 1\\): baseline of \\d+ SKUs");
    /** Every product and child on one page: each configurable's children are then on its page. */
    private static final int PAGE = 300;

    private static InProcessConnector.Builder connector(StorefrontOptions storefront) {
        return InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(60).storefront(storefront).build())
                .stream("products")
                .storeCodes("default")
                .partitions(1)
                .pageSize(PAGE)
                .pollInterval("300ms");
    }

    @Test
    void configurableIsSalableWhenOneEnabledChildIs() {
        try (InProcessConnector connector = connector(StorefrontOptions.full()).start()) {
            SandboxStorefront storefront = connector.store().catalog().storefront();
            assertTrue(connector.store().catalog().productCount() <= PAGE, "one page holds the catalog");
            ObjectNode configurable = configurables(connector.store()).stream()
                    .filter(c -> enabledChildren(connector.store(), c).stream().anyMatch(s -> storefront.isSalable(s, "base")))
                    .findFirst().orElseThrow();
            String sku = configurable.get("sku").asText();
            double expected = enabledChildren(connector.store(), configurable).stream()
                    .mapToDouble(s -> storefront.salableQuantity(s, "base").orElse(0.0)).sum();
            assertEquals(0.0, storefront.salableQuantity(sku, "base").orElseThrow(), "Magento answers 0 for the configurable");

            JsonNode event = LatestEvents.await(connector.topic("products"), sku, CARRIES_SALABLE, WAIT, LOOK);

            JsonNode salable = event.get("salable");
            assertTrue(salable.get("is_salable").asBoolean(), salable.toString());
            assertEquals(expected, salable.get("quantity").asDouble(), 1e-9, "the enabled children's sum");
            assertEquals(storefront.stockId("base"), salable.get("stock_id").asInt());
            assertTrue(event.get("inventory").get("in_stock").asBoolean(), "in_stock follows is_salable: " + event.get("inventory"));
            for (String child : storefront.childSkus(sku)) {
                JsonNode childEvent = LatestEvents.await(connector.topic("products"), child, CARRIES_SALABLE, WAIT, LOOK);
                assertEquals(storefront.salableQuantity(child, "base").orElse(0.0), childEvent.get("salable").get("quantity").asDouble(),
                        1e-9, child);
                assertEquals(storefront.isSalable(child, "base"), childEvent.get("salable").get("is_salable").asBoolean(), child);
            }
        }
    }

    @Test
    void disabledChildDoesNotMakeItsParentSalable() {
        // Sell out every enabled child of a configurable whose disabled child still has stock.
        List<String> parent = new ArrayList<>();
        InProcessConnector.Builder builder = connector(StorefrontOptions.full()).beforeStart(store -> {
            SandboxStorefront storefront = store.catalog().storefront();
            ObjectNode configurable = configurables(store).stream()
                    .filter(c -> storefront.childSkus(c.get("sku").asText()).stream()
                            .anyMatch(s -> !enabled(store, s) && stockOf(store, s) > 0))
                    .findFirst().orElseThrow(() -> new AssertionError("no configurable with a disabled child in stock"));
            for (String child : enabledChildren(store, configurable)) {
                storefront.placeOrder(child, "base", storefront.salableQuantity(child, "base").orElse(0.0));
            }
            parent.add(configurable.get("sku").asText());
        });
        try (InProcessConnector connector = builder.start()) {
            String sku = parent.get(0);

            JsonNode event = LatestEvents.await(connector.topic("products"), sku, CARRIES_SALABLE, WAIT, LOOK);

            assertFalse(event.get("salable").get("is_salable").asBoolean(), event.get("salable").toString());
            assertEquals(0.0, event.get("salable").get("quantity").asDouble(), 1e-9);
            assertFalse(event.get("inventory").get("in_stock").asBoolean());
        }
    }

    @Test
    void orderSellingOutAChildRepublishesItWithIsSalableFalse() {
        // A configurable left with one salable enabled child: the others sold out before the connector starts.
        List<String> picked = new ArrayList<>();
        InProcessConnector.Builder builder = connector(StorefrontOptions.full()).beforeStart(store -> {
            SandboxStorefront storefront = store.catalog().storefront();
            ObjectNode configurable = configurables(store).stream()
                    .filter(c -> enabledChildren(store, c).stream().anyMatch(s -> storefront.isSalable(s, "base")))
                    .findFirst().orElseThrow();
            List<String> salable = enabledChildren(store, configurable).stream().filter(s -> storefront.isSalable(s, "base")).toList();
            salable.subList(1, salable.size()).forEach(s -> storefront.placeOrder(s, "base", storefront.salableQuantity(s, "base").orElseThrow()));
            picked.add(configurable.get("sku").asText());
            picked.add(salable.get(0));
        }).option("salableScan", "true");
        try (InProcessConnector connector = builder.start()) {
            SandboxStorefront storefront = connector.store().catalog().storefront();
            String parent = picked.get(0);
            String last = picked.get(1);
            assertTrue(LatestEvents.await(connector.topic("products"), parent, CARRIES_SALABLE, WAIT, LOOK).get("salable").get("is_salable").asBoolean());
            connector.log().await(BASELINE, WAIT);

            storefront.placeOrder(last, "base", storefront.salableQuantity(last, "base").orElseThrow());

            JsonNode child = LatestEvents.await(connector.topic("products"), last, CARRIES_SALABLE.and(doc -> !doc.get("salable").get("is_salable").asBoolean()), WAIT, LOOK);
            assertEquals(0.0, child.get("salable").get("quantity").asDouble(), 1e-9);
            JsonNode configurable = LatestEvents.await(connector.topic("products"), parent, CARRIES_SALABLE.and(doc -> !doc.get("salable").get("is_salable").asBoolean()), WAIT, LOOK);
            assertEquals(0.0, configurable.get("salable").get("quantity").asDouble(), 1e-9);
            assertFalse(configurable.get("inventory").get("in_stock").asBoolean());
            assertTrue(connector.log().count(Pattern.compile("salable-quantity scan of website base \\(stock 1\\): 2 of \\d+ SKUs changed")) >= 1,
                    "the child and its configurable, nothing else: " + connector.log().text());
        }
    }

    @Test
    void storeWithoutInventoryModulesFallsBackToSourceItemSums() {
        try (InProcessConnector connector = connector(StorefrontOptions.full().withInventoryModules(false))
                .option("salableScan", "true").start()) {
            connector.log().await(SYNCED, WAIT);
            Map<String, JsonNode> docs = LatestEvents.read(connector.topic("products"), Integer.MAX_VALUE, Duration.ofSeconds(2), Duration.ZERO);
            int simples = 0;
            for (ObjectNode product : connector.store().catalog().products()) {
                JsonNode doc = docs.get(product.get("sku").asText());
                if (doc == null || !doc.hasNonNull("inventory") || "configurable".equals(product.get("type_id").asText())) {
                    continue;
                }
                JsonNode salable = doc.get("salable");
                assertNotNull(salable, doc.toString());
                assertEquals(doc.get("inventory").get("quantity").asDouble(), salable.get("quantity").asDouble(), 1e-9);
                assertEquals(doc.get("inventory").get("in_stock").asBoolean(), salable.get("is_salable").asBoolean());
                assertTrue(salable.get("stock_id").isNull(), salable.toString());
                simples++;
            }
            assertTrue(simples > 10, "simple products compared: " + simples);
            assertEquals(1, connector.log().count(Pattern.compile(".*answered 404 \"Request does not match any route.\": the store has"
                                                                  + " no inventory sales modules.*stock_id null.*")), connector.log().text());
            assertEquals(0, connector.store().requests().matching("/V1/inventory/export-stock-salable-qty/website/base").size(),
                    "stock-resolver said so: the export is never asked");
        }
    }

    @Test
    void salableScanRepublishesOnlyChangedSkus() {
        try (InProcessConnector connector = connector(StorefrontOptions.full()).option("salableScan", "true").start()) {
            SandboxStorefront storefront = connector.store().catalog().storefront();
            connector.log().await(SYNCED, WAIT);
            connector.log().await(BASELINE, WAIT);
            List<ConsumerRecord<String, String>> before = TestKafka.read(connector.topic("products"), Integer.MAX_VALUE,
                    Duration.ofSeconds(3), Duration.ZERO);
            List<String> ordered = standaloneSalableSimples(connector.store()).subList(0, 2);

            ordered.forEach(sku -> storefront.placeOrder(sku, "base", 1));

            List<ConsumerRecord<String, String>> after = TestKafka.read(connector.topic("products"), before.size() + 2, WAIT,
                    Duration.ofSeconds(3));
            List<String> keys = after.subList(before.size(), after.size()).stream().map(ConsumerRecord::key).toList();
            assertEquals(ordered, keys.stream().sorted((a, b) -> ordered.indexOf(a) - ordered.indexOf(b)).toList(),
                    "exactly the two ordered SKUs, once each: " + keys);
            for (ConsumerRecord<String, String> r : after.subList(before.size(), after.size())) {
                assertEquals(storefront.salableQuantity(r.key(), "base").orElseThrow(),
                        Records.json(r).get("salable").get("quantity").asDouble(), 1e-9);
                assertEquals("magento.product.updated", Records.header(r, "ce_type"));
            }
        }
    }

    @Test
    void orderPlacedWhileTheConnectorWasDownIsFoundAfterTheRestart() {
        try (InProcessConnector connector = connector(StorefrontOptions.full()).option("salableScan", "true").start()) {
            SandboxStorefront storefront = connector.store().catalog().storefront();
            connector.log().await(SYNCED, WAIT);
            connector.log().await(BASELINE, WAIT);
            String sku = standaloneSalableSimples(connector.store()).get(0);
            double quantity = storefront.salableQuantity(sku, "base").orElseThrow();
            connector.stop();

            storefront.placeOrder(sku, "base", 1);
            connector.restart();

            JsonNode event = LatestEvents.await(connector.topic("products"), sku, CARRIES_SALABLE.and(doc -> doc.get("salable").get("quantity").asDouble() == quantity - 1), WAIT, LOOK);
            assertTrue(event.get("salable").get("is_salable").asBoolean() == quantity - 1 > 0);
            assertEquals(1, connector.log().count(BASELINE), "the restart compared with the kept state, no new baseline");
        }
    }

    @Test
    void salableScanStaysWithinTheBudget() throws Exception {
        double budget = 2;
        try (InProcessConnector connector = connector(StorefrontOptions.full())
                .option("salableScan", "true")
                .option("scanBudget", String.valueOf(budget))
                .option("scanPageSize", "10")
                .start()) {
            connector.log().await(BASELINE, WAIT);
            Instant from = Instant.now();
            connector.store().requests().clear();
            Thread.sleep(5_000);
            Instant to = Instant.now();

            long scans = connector.store().requests().matching("/V1/inventory/export-stock-salable-qty/website/base").stream()
                    .filter(r -> !r.query().containsKey("searchCriteria[filterGroups][0][filters][0][field]"))
                    .filter(r -> !r.at().isBefore(from) && !r.at().isAfter(to)).count();
            double allowed = budget * Duration.between(from, to).toMillis() / 1000.0 + 1;
            // Unpaced, a cycle of a few pages every 300 ms would be dozens of requests.
            assertTrue(scans <= allowed, scans + " scan requests in " + Duration.between(from, to) + ", the budget allows " + allowed);
            assertTrue(scans >= 2, "the scan goes on within the budget: " + scans);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private static List<ObjectNode> configurables(SandboxStore store) {
        return store.catalog().products().stream()
                .filter(p -> "configurable".equals(p.get("type_id").asText()) && inBase(p)
                             && !store.catalog().storefront().childSkus(p.get("sku").asText()).isEmpty())
                .toList();
    }

    private static List<String> enabledChildren(SandboxStore store, ObjectNode configurable) {
        return store.catalog().storefront().childSkus(configurable.get("sku").asText()).stream().filter(s -> enabled(store, s)).toList();
    }

    /** Simple products that are no configurable's child, salable in base with more than one unit. */
    private static List<String> standaloneSalableSimples(SandboxStore store) {
        SandboxStorefront storefront = store.catalog().storefront();
        List<String> children = new ArrayList<>();
        configurables(store).forEach(c -> children.addAll(storefront.childSkus(c.get("sku").asText())));
        return store.catalog().products().stream()
                .filter(p -> "simple".equals(p.get("type_id").asText()) && inBase(p) && p.get("status").asInt() == 1)
                .map(p -> p.get("sku").asText())
                .filter(s -> !children.contains(s) && storefront.salableQuantity(s, "base").orElse(0.0) > 1)
                .toList();
    }

    private static boolean enabled(SandboxStore store, String sku) {
        return store.catalog().product(sku).map(p -> p.get("status").asInt() == 1).orElse(false);
    }

    private static double stockOf(SandboxStore store, String sku) {
        return store.catalog().sourceItems().stream().filter(s -> s.get("sku").asText().equals(sku) && s.get("status").asInt() == 1)
                .mapToDouble(s -> s.get("quantity").asDouble()).sum();
    }

    private static boolean inBase(JsonNode product) {
        for (JsonNode id : product.path("extension_attributes").path("website_ids")) {
            if (id.asInt() == 1) {
                return true;
            }
        }
        return false;
    }
}
