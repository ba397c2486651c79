package org.magentokafka.inprocess;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.MutableClock;

/**
 * A save whose transaction commits later than its updated_at (a long import transaction, a slow replica): by the
 * time the row is visible, steady polls have moved past its timestamp. The window read one overlap earlier is read
 * again, so it is published within the overlap.
 */
class LateCommitsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aSaveCommittedAfterItsTimestampIsPublishedByTheWindowReadAgain() {
        MutableClock storeClock = new MutableClock(Instant.now());
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(40).storeCodes(List.of("default")).clock(storeClock).build())
                .stream("products")
                .pollInterval("500ms")
                .option("watermarkOverlap", "8s")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 40 items"), WAIT);
            List<String> skus = connector.store().catalog().products().stream().map(p -> p.get("sku").asText()).toList();
            // Steady edits move the watermark along with the store's clock.
            for (int i = 0; i < 6; i++) {
                storeClock.advance(Duration.ofSeconds(1));
                int n = i;
                connector.store().catalog().updateProduct(skus.get(1 + i), p -> p.put("name", "steady " + n));
                sleep(1000);
            }
            LatestEvents.await(connector.topic("products"), skus.get(6), named("steady 5"), WAIT, Duration.ofSeconds(1));
            // Saved 5 s ago by the store's clock, visible only now: behind the watermark and its 2 s slack.
            storeClock.advance(Duration.ofSeconds(-5));
            connector.store().catalog().updateProduct(skus.get(0), p -> p.put("name", "committed late"));
            storeClock.advance(Duration.ofSeconds(5));
            LatestEvents.await(connector.topic("products"), skus.get(0), named("committed late"), Duration.ofSeconds(30), Duration.ofSeconds(1));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event of a product carrying this name. */
    private static Predicate<JsonNode> named(String name) {
        return event -> name.equals(event.at("/product/name").asText());
    }
}
