package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.InconsistentLists;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * A store that answers schema-valid nonsense (a negative total_count, a total_count of 39,735,576 with short
 * pages, total_count 0 with items, a short page in the middle), one kind after the other with truthful answers in
 * between, and a short outage: the connector logs one WARN line per kind and stream, never a stack trace, keeps
 * publishing what the store shows, publishes no deletes for products that still exist, never pages past what the
 * store has shown, and keeps running.
 */
class InconsistentListsIT {

    private static final int PRODUCTS = 250;
    private static final int PAGE_SIZE = 100;
    private static final int CONCURRENCY = 2;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PRODUCTS_PATH = "/V1/products";
    private static final String SOURCE_ITEMS_PATH = "/V1/inventory/source-items";

    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;
    private static ConnectorProcess connector;
    private static String productsTopic;
    private static String sourceItemsTopic;
    private static int sourceItems;
    private static String changedSku;
    private static String changedSourceItem;
    /** WARN lines per phase and stream, and how many passes each phase ran. */
    private static final Map<String, Long> warnings = new HashMap<>();
    private static final Map<InconsistentLists, Long> passes = new HashMap<>();
    private static List<ConsumerRecord<String, String>> publishedProducts;
    private static List<ConsumerRecord<String, String>> publishedSourceItems;

    @BeforeAll
    static void runThroughEveryKindOfNonsense() {
        environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).build())
                .topic("products", "nonsense-products")
                .topic("source-items", "nonsense-source-items")
                .otherStreamsDisabled()
                .pollInterval("1s")
                .env("MAGENTO_PAGE_SIZE", String.valueOf(PAGE_SIZE))
                .env("MAGENTO_MAX_CONCURRENCY", String.valueOf(CONCURRENCY))
                .env("MAGENTO_RECONCILE_INTERVAL", "1s")
                .env("MAGENTO_ERROR_BACKOFF_MAX", "2s")
                .env("MAGENTO_RETRY_BASE_DELAY", "50ms")
                .start();
        store = environment.store();
        sourceItems = store.catalog().sourceItems().size();
        productsTopic = environment.topic("products");
        sourceItemsTopic = environment.topic("source-items");
        connector = environment.start("inconsistent-lists");
        connector.awaitLine(Pattern.compile("magento:products synced " + PRODUCTS + " items"), WAIT);
        awaitConsistentPasses();

        phase(InconsistentLists.NEGATIVE_TOTAL_COUNT, "reports total_count -\\d+", null);
        phase(InconsistentLists.ZERO_TOTAL_COUNT_WITH_ITEMS, "items but total_count is 0", null);
        // Page-number passes name the count with the page it contradicts, keyset windows as "total_count is N".
        phase(InconsistentLists.HUGE_TOTAL_COUNT, "total_count (is )?" + InconsistentLists.HUGE_COUNT, () -> {
            // Changes made while the store talks nonsense are still published from what it shows.
            changedSku = store.catalog().products().get(0).get("sku").asText();
            store.catalog().updateProduct(changedSku, p -> p.put("price", 4321.5));
            var item = store.catalog().sourceItems().get(0);
            changedSourceItem = item.get("sku").asText() + "|" + item.get("source_code").asText();
            store.catalog().setSourceItemQuantity(item.get("sku").asText(), item.get("source_code").asText(), 777);
        });
        phase(InconsistentLists.SHORT_PAGE_IN_THE_MIDDLE, "page 2 of \\d+ \\(total_count \\d+\\) has \\d+ items, fewer than the page size", null);

        // And a poll that fails outright: one WARN line, no stack trace either.
        store.stop();
        connector.awaitLine(Pattern.compile("magento:source-items poll failed"), WAIT);
        store.restart();
        connector.awaitLine(Pattern.compile("magento:source-items recovered"), WAIT);
        publishedProducts = TestKafka.read(productsTopic, PRODUCTS + 1, WAIT, Duration.ofSeconds(2));
        publishedSourceItems = TestKafka.read(sourceItemsTopic, sourceItems + 1, WAIT, Duration.ofSeconds(2));
    }

    /** Switches the store to {@code mode} for at least four passes, then back to truthful answers. */
    private static void phase(InconsistentLists mode, String detail, Runnable duringPhase) {
        store.setInconsistentLists(mode);
        Pattern sourceWarning = warning("source-items", detail);
        Pattern productWarning = warning("products", detail);
        awaitUntil(() -> connector.count(sourceWarning) > 0, "the source-items warning for " + mode + ":\n" + connector.output());
        if (duringPhase != null) {
            duringPhase.run();
        }
        long before = sourceItemPasses();
        awaitUntil(() -> sourceItemPasses() >= before + 4, "four more source-items passes in " + mode);
        passes.put(mode, sourceItemPasses() - before);
        warnings.put("source-items " + mode, connector.count(sourceWarning));
        warnings.put("products " + mode, connector.count(productWarning));
        store.setInconsistentLists(InconsistentLists.NONE);
        awaitConsistentPasses();
    }

    private static Pattern warning(String stream, String detail) {
        return Pattern.compile("WARN.*magento:" + stream + " GET \\S+ \\(store view default\\) answered an inconsistent list: .*"
                               + detail + ".*The pass ended early");
    }

    /** Source-items passes (each full pass logs its sync line, truthful or not). */
    private static long sourceItemPasses() {
        return connector.count(Pattern.compile("magento:source-items synced \\d+ items"));
    }

    /** Two complete truthful source-items passes and two products polls started after now. */
    private static void awaitConsistentPasses() {
        Pattern complete = Pattern.compile("magento:source-items synced " + sourceItems + " items");
        long passesBefore = connector.count(complete);
        int productRequests = store.requests().matching(PRODUCTS_PATH).size();
        awaitUntil(() -> connector.count(complete) >= passesBefore + 2
                         && store.requests().matching(PRODUCTS_PATH).size() >= productRequests + 2,
                "two truthful passes:\n" + connector.output());
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !connector.isAlive()) {
                throw new AssertionError("waited in vain for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void noFailureOrNonsenseLogsAStackTraceOrCamelsDuplicateLine() {
        List<String> traces = connector.lines().stream()
                .filter(l -> l.startsWith("\tat ") || l.contains("failed polling endpoint") || l.contains("Failed polling endpoint")
                             || l.startsWith("Caused by:"))
                .limit(10).toList();
        assertTrue(traces.isEmpty(), "stack-trace lines: " + traces);
        assertTrue(store.faultCounts().get("INCONSISTENT_LIST") > 0, "the store did talk nonsense: " + store.faultCounts());
    }

    @Test
    void eachKindOfNonsenseIsReportedOnceNotEveryPoll() {
        for (InconsistentLists mode : List.of(InconsistentLists.NEGATIVE_TOTAL_COUNT, InconsistentLists.ZERO_TOTAL_COUNT_WITH_ITEMS,
                InconsistentLists.HUGE_TOTAL_COUNT, InconsistentLists.SHORT_PAGE_IN_THE_MIDDLE)) {
            long lines = warnings.get("source-items " + mode);
            // One line; a second only if the switch of the store's mode fell in the middle of a pass.
            assertTrue(lines >= 1 && lines <= 2, mode + ": " + lines + " WARN lines for source-items");
            assertTrue(passes.get(mode) > lines, mode + ": " + passes.get(mode) + " passes, " + lines + " lines");
            long productLines = warnings.get("products " + mode);
            if (mode != InconsistentLists.SHORT_PAGE_IN_THE_MIDDLE) {
                // Products read a window of recent changes, which the short-page mode may leave consistent.
                assertTrue(productLines >= 1 && productLines <= 2, mode + ": " + productLines + " WARN lines for products");
            }
        }
    }

    @Test
    void nothingThatStillExistsIsPublishedAsDeleted() {
        for (List<ConsumerRecord<String, String>> records : List.of(publishedProducts, publishedSourceItems)) {
            List<String> deletes = records.stream()
                    .filter(r -> r.value() == null || String.valueOf(Records.header(r, "ce_type")).endsWith(".deleted"))
                    .map(ConsumerRecord::key).limit(10).toList();
            assertTrue(deletes.isEmpty(), "deletes or tombstones for " + deletes);
        }
    }

    @Test
    void whatTheStoreShowsIsPublishedIncludingChangesMadeWhileItTalkedNonsense() {
        List<ConsumerRecord<String, String>> products = publishedProducts;
        Set<String> skus = store.catalog().products().stream().map(p -> p.get("sku").asText()).collect(Collectors.toSet());
        assertEquals(skus, products.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
        assertTrue(products.stream().anyMatch(r -> r.key().equals(changedSku) && r.value() != null
                                                   && r.value().contains("4321.5")), "the price change of " + changedSku);
        List<ConsumerRecord<String, String>> items = publishedSourceItems;
        assertEquals(sourceItems, items.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size());
        assertTrue(items.stream().anyMatch(r -> r.key().equals(changedSourceItem) && r.value() != null
                                                && r.value().contains("777")), "the quantity change of " + changedSourceItem);
    }

    @Test
    void pagingNeverGoesPastWhatTheStoreHasShown() {
        int readAhead = 2 * CONCURRENCY;
        assertTrue(highestPage(SOURCE_ITEMS_PATH) <= pages(sourceItems) + readAhead,
                "source-items asked for page " + highestPage(SOURCE_ITEMS_PATH) + " of " + pages(sourceItems));
        assertTrue(highestPage(PRODUCTS_PATH) <= pages(PRODUCTS) + readAhead,
                "products asked for page " + highestPage(PRODUCTS_PATH) + " of " + pages(PRODUCTS));
    }

    @Test
    void theConnectorKeepsRunning() {
        assertTrue(connector.isAlive(), connector.output());
    }

    private static int pages(int items) {
        return (items + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    private static int highestPage(String path) {
        return store.requests().matching(path).stream().map(LoggedRequest::query)
                .map(q -> q.getOrDefault("searchCriteria[currentPage]", "1"))
                .mapToInt(Integer::parseInt).max().orElse(0);
    }
}
