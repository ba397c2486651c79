package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.MutableClock;
import org.magentokafka.testing.SyncPages;

/**
 * The watermark a pass commits comes from what is certain: a product renamed after its page of a long full pass
 * was read is published by the next poll although later pages showed newer rows, and a row dated in the future
 * does not hide the edits made until then.
 */
class EditsDuringAFullPassTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(1);

    @Test
    void aProductRenamedAfterItsPageWasReadIsPublishedByTheNextPoll() {
        MutableClock storeClock = new MutableClock(Instant.now());
        String[] skus = new String[3];
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(200).storeCodes(List.of("default")).clock(storeClock)
                        .latencyMillis(100).build())
                .beforeStart(store -> {
                    List<String> all = store.catalog().products().stream().map(p -> p.get("sku").asText()).toList();
                    skus[0] = all.get(0);
                    skus[1] = all.get(all.size() - 1);
                    skus[2] = all.get(100);
                    Thread editor = new Thread(() -> editDuringThePass(store, storeClock, skus), "editor");
                    editor.setDaemon(true);
                    editor.start();
                })
                .stream("products")
                .pageSize(20)
                .option("maxConcurrency", 1)
                .pollInterval("500ms")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 200 items"), WAIT);
            // A later edit, published by a later poll: by then the polls after the pass have all run.
            storeClock.advance(Duration.ofSeconds(2));
            connector.store().catalog().updateProduct(skus[2], p -> p.put("name", "Marker"));
            LatestEvents.await(connector.topic("products"), skus[2], named("Marker"), WAIT, SETTLE);
            assertEquals("Renamed early", LatestEvents.read(connector.topic("products"), 1, WAIT, SETTLE).get(skus[0]).at("/product/name").asText(),
                    "the rename made after page 1 was read reached Kafka");
        }
    }

    @Test
    void aRowDatedInTheFutureDoesNotHideLaterEdits() {
        MutableClock storeClock = new MutableClock(Instant.now());
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(30).storeCodes(List.of("default")).clock(storeClock).build())
                .beforeStart(store -> {
                    // A row saved by a server whose clock ran a year ahead.
                    storeClock.advance(Duration.ofDays(365));
                    store.catalog().updateProduct(store.catalog().products().get(3).get("sku").asText(), p -> p.put("name", "Future"));
                    storeClock.advance(Duration.ofDays(-365));
                })
                .stream("products")
                .pollInterval("500ms")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 30 items"), WAIT);
            String sku = connector.store().catalog().products().get(10).get("sku").asText();
            storeClock.advance(Duration.ofSeconds(2));
            connector.store().catalog().updateProduct(sku, p -> p.put("name", "Edited now"));
            LatestEvents.await(connector.topic("products"), sku, named("Edited now"), WAIT, SETTLE);
        }
    }

    /** Once page 2 is asked for (page 1 was read): rename page 1's first product, then, ten minutes later by the
     * store's clock, the last page's last product, before that page is read. */
    private static void editDuringThePass(SandboxStore store, MutableClock clock, String[] skus) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (SyncPages.of(store, "/V1/products").size() < 2) {
            if (System.nanoTime() > deadline) {
                return;
            }
            Thread.onSpinWait();
        }
        store.catalog().updateProduct(skus[0], p -> p.put("name", "Renamed early"));
        clock.advance(Duration.ofMinutes(10));
        store.catalog().updateProduct(skus[1], p -> p.put("name", "Renamed late"));
    }

    /** An event of a product carrying this name. */
    private static Predicate<JsonNode> named(String name) {
        return event -> name.equals(event.at("/product/name").asText());
    }
}
