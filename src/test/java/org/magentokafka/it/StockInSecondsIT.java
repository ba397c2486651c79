package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.SandboxStorefront;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.CustomerFields;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.StockPicks;

/**
 * Stock in seconds, end to end: the packaged connector, configured by environment variables only, on a catalog large
 * enough that a paced scan of it takes minutes. A source-item change reaches the product's event within one stock
 * index cycle; an order that sells out a product, and the last salable child of a configurable, reaches Kafka within
 * a products poll plus the look-up, with {@code is_salable: false}; cancelling it puts them back. The
 * salable-quantity scan is off and the source-items stream is not run: what arrives, the stock index and the order
 * signals brought. No request asks for a customer field, and no answer carries one (the store's request log).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StockInSecondsIT {

    private static final int PRODUCTS = 3000;
    private static final String PRODUCTS_IN_BASE_PATTERN = "\\d+";
    private static final Duration INDEX_INTERVAL = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final Duration LOOK = Duration.ofMillis(500);
    private static final Predicate<JsonNode> CARRIES_SALABLE = e -> e.hasNonNull("salable");
    private static final Predicate<JsonNode> SOLD_OUT = CARRIES_SALABLE.and(e -> !e.get("salable").get("is_salable").asBoolean());
    private static final Predicate<JsonNode> SALABLE = CARRIES_SALABLE.and(e -> e.get("salable").get("is_salable").asBoolean());

    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;
    private static SandboxStorefront storefront;
    private static ConnectorProcess connector;
    private static String topic;
    private static String parent;
    private static String lastChild;
    private static int order;

    @BeforeAll
    static void sync() {
        environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storefront(StorefrontOptions.full()).build())
                .topic("products", "stock")
                .otherStreamsDisabled()
                .pollInterval(POLL.toSeconds() + "s")
                .env("MAGENTO_STORE_CODES", "default")
                // At the shipped budget, the paced scans of this catalog take minutes: seconds come from elsewhere.
                .env("MAGENTO_SCAN_BUDGET", "0.2")
                .env("MAGENTO_SALABLE_SCAN", "false")
                .env("MAGENTO_STOCK_INDEX_INTERVAL", INDEX_INTERVAL.toSeconds() + "s")
                .env("MAGENTO_STOCK_ORDER_SIGNALS", "true")
                .start();
        store = environment.store();
        storefront = store.catalog().storefront();
        StockPicks.LastChild picked = StockPicks.configurableWithOneSalableChild(store, "base");
        parent = picked.parent();
        lastChild = picked.child();
        topic = environment.topic("products");
        connector = environment.start("stock");
        connector.awaitLine(Pattern.compile("magento:products synced \\d+ items in \\d+ pages from \\S*/rest/default/"), WAIT);
        connector.awaitLine(Pattern.compile("stock index of website base \\(stock 1\\): baseline of \\d+ SKUs taken"), WAIT);
    }

    @Test
    @Order(1)
    void aSourceItemChangeReachesTheProductEventWithinOneStockIndexCycle() {
        ObjectNode item = StockPicks.salableSourceItem(store, "base", lastChild::equals);
        String sku = item.get("sku").asText();
        LatestEvents.await(topic, sku, SALABLE, WAIT, LOOK);
        long changed = System.nanoTime();

        store.catalog().setSourceItemQuantity(sku, item.get("source_code").asText(), item.get("quantity").asDouble() + 11);
        double expected = storefront.salableQuantity(sku, "base").orElseThrow();

        LatestEvents.await(topic, sku, CARRIES_SALABLE.and(e -> e.get("salable").get("quantity").asDouble() == expected), WAIT, LOOK);
        Duration took = Duration.ofNanos(System.nanoTime() - changed);
        // One cycle, the products poll that publishes it, and the reading of the topic; the paced source-item scan
        // of this catalog would take minutes (and is not run here).
        Duration bound = INDEX_INTERVAL.plus(POLL).plus(Duration.ofSeconds(10));
        assertTrue(took.compareTo(bound) <= 0, "took " + took + ", more than " + bound);
    }

    @Test
    @Order(2)
    void anOrderThatSellsOutTheLastChildReachesKafkaWithinAPollWithItsConfigurable() {
        assertTrue(LatestEvents.await(topic, parent, SALABLE, WAIT, LOOK).get("salable").get("is_salable").asBoolean());
        long placed = System.nanoTime();

        order = storefront.placeOrder(lastChild, "base", storefront.salableQuantity(lastChild, "base").orElseThrow());

        JsonNode child = LatestEvents.await(topic, lastChild, SOLD_OUT, WAIT, LOOK);
        JsonNode configurable = LatestEvents.await(topic, parent, SOLD_OUT, WAIT, LOOK);
        Duration took = Duration.ofNanos(System.nanoTime() - placed);
        assertEquals(0.0, child.get("salable").get("quantity").asDouble(), 1e-9);
        assertFalse(configurable.get("inventory").get("in_stock").asBoolean(), configurable.toString());
        // The next products poll reads the order, publishes the child, then its configurable in the same poll.
        Duration bound = POLL.plus(Duration.ofSeconds(8));
        assertTrue(took.compareTo(bound) <= 0, "took " + took + ", more than " + bound);
    }

    @Test
    @Order(3)
    void cancellingTheOrderPutsThemBack() {
        storefront.cancelOrder(order);

        LatestEvents.await(topic, lastChild, SALABLE, WAIT, LOOK);
        assertTrue(LatestEvents.await(topic, parent, SALABLE, WAIT, LOOK).get("salable").get("is_salable").asBoolean());
    }

    @Test
    @Order(4)
    void noRequestAskedForACustomerFieldAndNoAnswerCarriedOne() {
        CustomerFields.assertNeverAskedNorServed(store);
        long dumps = store.requests().all().stream().filter(r -> r.path().endsWith("/V1/inventory/dump-stock-index-data/website/base")).count();
        assertTrue(dumps >= 2, "one request per cycle: " + dumps);
    }

    @Test
    @Order(5)
    void theCheckSaysWhatEachNeedsAndAsksOrdersWithTheSameProjection() {
        ConnectorProcess check = environment.start("stock-check", "--check");
        assertEquals(0, check.awaitExit(Duration.ofSeconds(90)), check.output());
        String out = check.output();
        assertTrue(out.matches("(?s).*stock-index\\s+GET /rest/default/V1/inventory/dump-stock-index-data/website/base\\s+OK \\("
                               + PRODUCTS_IN_BASE_PATTERN + " SKUs of website base in one answer.*"), out);
        assertTrue(out.matches("(?s).*orders\\s+GET /rest/default/V1/orders\\s+OK \\(\\d+ rows; asked for ids, dates and item SKUs only\\).*"), out);
        assertTrue(out.matches("(?s).*credit-memos\\s+GET /rest/default/V1/creditmemos\\s+OK.*"), out);
        assertEquals(List.of(), store.requests().personalDataServed());
    }
}
