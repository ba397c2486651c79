package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;

/**
 * A stock change is committed by the source-items stream and then asks the products stream to publish the product
 * again: a restart in between (the products' re-publish could not reach the store) must not lose it.
 */
class RepublishRequestsTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aStockChangeCommittedBeforeACrashIsPublishedAfterTheRestart() {
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(60).storeCodes(List.of("default")).build())
                .stream("products")
                .stream("source-items")
                .pollInterval("500ms")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 60 items"), WAIT);
            connector.log().await(Pattern.compile("magento:source-items synced"), WAIT);
            ObjectNode source = singleSourceItem(connector);
            String sku = source.get("sku").asText();
            double quantity = source.get("quantity").asDouble() + 7;

            // The products' re-publish by SKU cannot reach the store (a proxy drops it) until the process restarts.
            AtomicBoolean blocked = new AtomicBoolean(true);
            AtomicInteger refused = new AtomicInteger();
            connector.store().requests().beforeAnswer(r -> {
                if (blocked.get() && r.path().endsWith("/V1/products") && r.filters("sku", "in")) {
                    refused.incrementAndGet();
                    throw new IllegalStateException("the connection drops");
                }
            });
            connector.store().catalog().setSourceItemQuantity(sku, source.get("source_code").asText(), quantity);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (refused.get() < 2) {
                assertTrue(System.nanoTime() < deadline, "the products stream never asked for " + sku + " again");
                sleep(100);
            }
            // The source-items stream committed the new quantity; the products stream has not published it.
            connector.restart();
            blocked.set(false);

            deadline = System.nanoTime() + WAIT.toNanos();
            while (quantityOf(connector, sku) != quantity) {
                assertTrue(System.nanoTime() < deadline, sku + " was never published with its new quantity " + quantity
                                                         + " after the restart (last: " + quantityOf(connector, sku) + ")");
                sleep(500);
            }
        }
    }

    private static ObjectNode singleSourceItem(InProcessConnector connector) {
        Map<String, List<ObjectNode>> bySku = connector.store().catalog().sourceItems().stream()
                .collect(Collectors.groupingBy(s -> s.get("sku").asText()));
        return bySku.values().stream().filter(items -> items.size() == 1).map(items -> items.get(0))
                .filter(s -> connector.store().catalog().product(s.get("sku").asText()).isPresent()).findFirst().orElseThrow();
    }

    private static double quantityOf(InProcessConnector connector, String sku) {
        JsonNode latest = LatestEvents.read(connector.topic("products"), 1, Duration.ofSeconds(5), Duration.ofSeconds(1)).get(sku);
        return latest == null ? Double.NaN : latest.path("inventory").path("quantity").asDouble(Double.NaN);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
