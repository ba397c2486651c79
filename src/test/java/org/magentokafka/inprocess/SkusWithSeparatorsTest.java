package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.TestKafka;

/**
 * Magento accepts {@code |} and {@code ,} in SKUs (docs/magento-rest-facts.md, "Lists in filters"), while its
 * {@code in} filter splits on {@code ,} and the source items' keys join SKU and source with {@code |}: such SKUs
 * get their stock, follow its moves, and stay live through reconcile sweeps; a deleted one is deleted.
 */
class SkusWithSeparatorsTest {

    private static final List<String> ODD = List.of("PIPE|ONE", "COMMA,TWO", "A|B,C");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(1);

    @Test
    void skusWithListSeparatorsCarryTheirStockFollowItsMovesAndAreNeverDeletedWhileLive() {
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(10).build())
                .beforeStart(store -> ODD.forEach(sku -> {
                    store.catalog().addProduct(sku, "Odd " + sku, 9.5);
                    store.catalog().setSourceItemQuantity(sku, "default", 7);
                }))
                .stream("products")
                .stream("source-items")
                .pollInterval("500ms")
                .option("reconcileInterval", "2s")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 13 items"), WAIT);
            awaitProducts(connector, events -> ODD.stream().allMatch(sku -> quantity(events.get(sku)) == 7),
                    "each odd SKU's event carries its stock (7)");
            Map<String, JsonNode> items = LatestEvents.readCloudEvents(connector.topic("source-items"), 1, WAIT, SETTLE);
            ODD.forEach(sku -> assertTrue(items.containsKey(sku + "|default"), "source item key of " + sku + ": " + items.keySet()));

            ODD.forEach(sku -> connector.store().catalog().setSourceItemQuantity(sku, "default", 3));
            awaitProducts(connector, events -> ODD.stream().allMatch(sku -> quantity(events.get(sku)) == 3),
                    "a stock move of an odd SKU re-publishes its product");

            connector.store().catalog().deleteProduct("A|B,C");
            connector.log().await(Pattern.compile("magento:products .*1 deleted|deleted 1"), WAIT);
            List<ConsumerRecord<String, String>> records = TestKafka.read(connector.topic("products"), 1, WAIT, Duration.ofSeconds(3));
            for (String live : List.of("PIPE|ONE", "COMMA,TWO")) {
                assertTrue(records.stream().noneMatch(r -> live.equals(r.key()) && r.value() == null), live + " is live: never deleted");
            }
            assertTrue(records.stream().anyMatch(r -> "A|B,C".equals(r.key()) && r.value() == null), "the deleted one is deleted");
        }
    }

    private static void awaitProducts(InProcessConnector connector, Predicate<Map<String, JsonNode>> done, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, JsonNode> events = LatestEvents.readCloudEvents(connector.topic("products"), 13, WAIT, SETTLE);
        while (!done.test(events)) {
            assertTrue(System.nanoTime() < deadline, what + ": " + events);
            events = LatestEvents.readCloudEvents(connector.topic("products"), 13, WAIT, SETTLE);
        }
    }

    private static double quantity(JsonNode event) {
        return event == null || !event.path("inventory").isObject() ? -1 : event.get("inventory").get("quantity").asDouble();
    }
}
