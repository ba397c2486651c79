package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;

/**
 * A store edited all the time, as an ERP pushing prices and names all day: the incremental window must close and
 * the watermark move on every poll (not re-read a growing window), rows edited on a page boundary while the poll
 * reads must not be skipped, and once the edits stop the topic equals the store.
 */
class BusyStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PAGE_SIZE = 20;

    @Test
    void underEditsDuringEveryPollTheWatermarkAdvancesAndTheTopicEndsEqualToTheStore() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(600).storeCodes(List.of("default")).latencyMillis(20).build())
                .stream("products")
                .pageSize(PAGE_SIZE)
                .pollInterval("1500ms")
                .option("watermarkSlack", "1s")
                .start()) {
            SandboxStore store = connector.store();
            connector.log().await(Pattern.compile("magento:products synced 600 items"), WAIT);
            List<String> skus = store.catalog().products().stream().map(p -> p.get("sku").asText()).toList();
            Random random = new Random(7);
            AtomicInteger version = new AtomicInteger();
            // While a poll reads a window: the last row of the page just answered and the first of the next one are
            // edited (they move past the cursor).
            AtomicInteger boundaryEdits = new AtomicInteger();
            store.requests().beforeAnswer(r -> {
                String from = lowerBound(r);
                if (from != null) {
                    List<ObjectNode> window = store.catalog().products().stream()
                            .filter(p -> p.get("updated_at").asText().compareTo(from) >= 0)
                            .sorted(Comparator.comparing((ObjectNode p) -> p.get("updated_at").asText())
                                    .thenComparingLong(p -> p.get("id").asLong()))
                            .toList();
                    for (int i = PAGE_SIZE - 1; i <= PAGE_SIZE && i < window.size(); i++) {
                        String sku = window.get(i).get("sku").asText();
                        int v = version.incrementAndGet();
                        store.catalog().updateProduct(sku, p -> p.put("name", "boundary edit " + v));
                        boundaryEdits.incrementAndGet();
                    }
                }
            });
            // And ten edits a second everywhere else.
            AtomicBoolean editing = new AtomicBoolean(true);
            Thread editor = new Thread(() -> {
                while (editing.get()) {
                    String sku = skus.get(random.nextInt(skus.size()));
                    int v = version.incrementAndGet();
                    store.catalog().updateProduct(sku, p -> p.put("name", "edit " + v));
                    sleep(100);
                }
            }, "editor");
            long editsFrom = System.currentTimeMillis();
            editor.start();
            sleep(1_000);
            // Measured once the edits are under way: rows the polls read against rows the store changed.
            double readBefore = rowsRead(meters);
            int editsBefore = version.get();
            sleep(8_000);
            int edits = version.get() - editsBefore;
            long rowsRead = Math.round(rowsRead(meters) - readBefore);
            editing.set(false);
            editor.join();
            store.requests().beforeAnswer(null);
            // Each edit is read about once, plus the slack's few seconds: not the whole overlap again on every poll.
            assertTrue(rowsRead <= 3L * edits, rowsRead + " rows read for " + edits + " rows changed (at most 3 per change)");

            List<String> bounds = new ArrayList<>();
            for (LoggedRequest r : store.requests().matching("/V1/products")) {
                if (r.at().toEpochMilli() >= editsFrom + 3000 && lowerBound(r) != null) {
                    bounds.add(lowerBound(r));
                }
            }
            assertTrue(boundaryEdits.get() > 0, "rows on page boundaries were edited during polls");
            assertTrue(bounds.size() >= 4, "the poll ran: " + bounds);
            // A poll starts the slack (1 s) before the newest second the last one read, never further back.
            java.time.LocalDateTime furthest = null;
            for (String bound : bounds) {
                java.time.LocalDateTime at = java.time.LocalDateTime.parse(bound.replace(' ', 'T'));
                assertTrue(furthest == null || !at.isBefore(furthest.minusSeconds(1)), "the window never moves back: " + bounds);
                furthest = furthest == null || at.isAfter(furthest) ? at : furthest;
            }
            long advanced = Duration.between(java.time.LocalDateTime.parse(bounds.get(0).replace(' ', 'T')),
                    java.time.LocalDateTime.parse(bounds.get(bounds.size() - 1).replace(' ', 'T'))).toSeconds();
            assertTrue(advanced >= 4, "the watermark moved with the edits (" + advanced + " s in 8 s of edits): " + bounds);

            // The edits stopped: the topic converges to the store, product by product.
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<String> differing = differing(connector);
            while (!differing.isEmpty() && System.nanoTime() < deadline) {
                sleep(1000);
                differing = differing(connector);
            }
            assertTrue(differing.isEmpty(), "the topic equals the store; these differ: " + differing);
        } finally {
            Metrics.removeRegistry(meters);
        }
    }

    /** Rows the store returned to the products polls so far (the connector's magento.rows.read). */
    private static double rowsRead(SimpleMeterRegistry meters) {
        return meters.find("magento.rows.read").tag("stream", "products").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    /** Where a request of a poll's steady window starts, or null for any other request (a window read again is bounded above). */
    private static String lowerBound(LoggedRequest r) {
        if (!r.path().endsWith("/V1/products") || r.filters("updated_at", "lteq")) {
            return null;
        }
        for (Map.Entry<String, String> e : r.query().entrySet()) {
            if (e.getKey().endsWith("[field]") && "updated_at".equals(e.getValue())) {
                String prefix = e.getKey().substring(0, e.getKey().length() - "[field]".length());
                if ("gteq".equals(r.query().get(prefix + "[conditionType]"))) {
                    return r.query().get(prefix + "[value]");
                }
            }
        }
        return null;
    }

    private static List<String> differing(InProcessConnector connector) {
        Map<String, JsonNode> latest = LatestEvents.read(connector.topic("products"), 1, Duration.ofSeconds(5), Duration.ofSeconds(1));
        List<String> out = new ArrayList<>();
        for (ObjectNode product : connector.store().catalog().products()) {
            String sku = product.get("sku").asText();
            JsonNode event = latest.get(sku);
            JsonNode published = event == null ? null : event.path("product");
            if (published == null || !product.get("name").asText().equals(published.path("name").asText())
                || !product.get("updated_at").asText().equals(published.path("updated_at").asText())) {
                out.add(sku + " (store: " + product.get("name").asText() + ", topic: "
                        + (published == null ? null : published.path("name").asText()) + ")");
            }
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
