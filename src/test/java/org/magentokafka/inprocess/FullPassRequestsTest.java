package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.SyncPages;

/**
 * A category renamed asks for a full pass of the products (their category paths change): the request survives a
 * restart that interrupts the pass, so the products are published with the new name afterwards.
 */
class FullPassRequestsTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aFullPassInterruptedByARestartIsMadeAfterIt() {
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(200).storeCodes(List.of("default")).latencyMillis(60).build())
                .stream("products")
                .stream("categories")
                .pageSize(20)
                .option("maxConcurrency", 1)
                .pollInterval("500ms")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 200 items"), WAIT);
            connector.log().await(Pattern.compile("magento:categories synced"), WAIT);
            String sku = connector.store().catalog().products().get(150).get("sku").asText();
            // A category the product's event shows in its paths.
            JsonNode event = LatestEvents.read(connector.topic("products"), 200, WAIT, Duration.ofSeconds(1)).get(sku);
            int category = event.at("/categories/0/id").asInt();
            assertTrue(category > 0, "the product has a category: " + event);

            Instant renamed = Instant.now();
            connector.store().catalog().renameCategory(category, "Renamed Before The Restart");
            connector.log().await(Pattern.compile("magento:categories synced [1-9]\\d* items"), WAIT);
            // The products' full pass has begun (or is about to): the process stops before it can end.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (productPagesSince(connector, renamed) < 3) {
                assertTrue(System.nanoTime() < deadline, "the products stream stopped polling");
                Thread.onSpinWait();
            }
            connector.restart();

            deadline = System.nanoTime() + WAIT.toNanos();
            while (!carriesName(connector, sku, "Renamed Before The Restart")) {
                assertTrue(System.nanoTime() < deadline, sku + " was never published with its category's new name:\n"
                                                         + String.join("\n", connector.log().lines().stream()
                                                                 .filter(l -> l.contains("synced") || l.contains("poll")).toList()));
            }
        }
    }

    private static long productPagesSince(InProcessConnector connector, Instant since) {
        return SyncPages.of(connector.store(), "/V1/products").stream().filter(r -> !r.at().isBefore(since)).count();
    }

    private static boolean carriesName(InProcessConnector connector, String sku, String name) {
        JsonNode latest = LatestEvents.read(connector.topic("products"), 1, WAIT, Duration.ofSeconds(1)).get(sku);
        return latest != null && latest.toString().contains(name);
    }
}
