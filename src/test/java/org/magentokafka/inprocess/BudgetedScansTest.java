package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * Streams read as whole snapshots (source items, attribute metadata) and the keys-only reconcile sweep are scans
 * paced by the store's scan budget after a store view's first sync: their pages are spread over the cycle and
 * published as each is read, they never cost the store more than the budget, foreground polls go on meanwhile,
 * and the sweep, on a thread of its own, still finds deletions and never deletes what was created while it listed.
 */
class BudgetedScansTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern SOURCE_ITEMS_SCAN = Pattern.compile(
            "magento:source-items scan of store view default: \\d+ rows, \\d+ pages of \\d+; at magento.scan-budget=\\S+ req/s"
            + " shared by \\d+ scans? one cycle takes about .+");

    @Test
    void scanPublishesEachPageBeforeTheCycleEnds() {
        int pageSize = 10;
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(60).storeCodes(List.of("default")).build())
                .stream("source-items")
                .pollInterval("3s")
                .pageSize(pageSize)
                .option("scanBudget", "1")
                .start()) {
            List<ObjectNode> items = connector.store().catalog().sourceItems();
            int pages = (items.size() + pageSize - 1) / pageSize;
            assertTrue(pages >= 5, "enough pages for a cycle to be under way: " + pages);
            // The first sync is not paced; the pause after it leaves time to change every item before the next cycle.
            connector.log().await(Pattern.compile("magento:source-items synced " + items.size() + " items"), WAIT);
            connector.store().requests().clear();
            items.forEach(i -> connector.store().catalog().setSourceItemQuantity(i.get("sku").asText(),
                    i.get("source_code").asText(), i.get("quantity").asDouble() + 1));

            List<ConsumerRecord<String, String>> first = TestKafka.readAtLeast(connector.topic("source-items"), items.size() + 1, WAIT);
            long scanRequests = scanRequests(connector, "/V1/inventory/source-items").size();

            assertTrue(first.size() > items.size(), "a changed item was published");
            assertTrue(scanRequests < pages, "the first changes were in Kafka after " + scanRequests + " of the cycle's "
                                             + pages + " pages: published as each page is read, not at the end");
            List<ConsumerRecord<String, String>> all = TestKafka.read(connector.topic("source-items"), 2 * items.size(), WAIT,
                    Duration.ofSeconds(2));
            assertEquals(2 * items.size(), all.size(), "every item once created, once updated, nothing twice");
            assertEquals(items.size(), all.stream().filter(r -> "magento.source-item.updated".equals(Records.header(r, "ce_type"))).count());
            assertTrue(connector.log().count(SOURCE_ITEMS_SCAN) >= 1, "the expected cycle was logged: " + connector.log().text());
        }
    }

    @Test
    void idleStoreSeesOnlyTheBudgetFromScans() throws Exception {
        double budget = 2;
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(200).storeCodes(List.of("default")).build())
                .stream("source-items")
                .stream("product-attributes")
                .pollInterval("200ms")
                .pageSize(20)
                .option("scanBudget", String.valueOf(budget))
                .start()) {
            connector.log().await(Pattern.compile("magento:source-items synced \\d+ items"), WAIT);
            connector.log().await(Pattern.compile("magento:product-attributes synced \\d+ items"), WAIT);
            connector.log().await(SOURCE_ITEMS_SCAN, WAIT); // the paced cycles are under way
            Instant from = Instant.now();
            connector.store().requests().clear();
            Thread.sleep(6_000); // nothing changes meanwhile
            Instant to = Instant.now();

            long scans = connector.store().requests().all().stream()
                    .filter(r -> !r.at().isBefore(from) && !r.at().isAfter(to)).count();
            double allowed = budget * Duration.between(from, to).toMillis() / 1000.0 + 1;
            // Without the budget, both scans would re-read their snapshot every 200 ms: hundreds of requests.
            assertTrue(scans <= allowed, scans + " requests in " + Duration.between(from, to) + ", the budget allows " + allowed);
            assertTrue(scans >= 2, "the scans go on within the budget: " + scans);
        }
    }

    @Test
    void foregroundPollsAreNotDelayedByAScan() {
        int pageSize = 10;
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(60).storeCodes(List.of("default")).build())
                .stream("products")
                .stream("source-items")
                .pollInterval("500ms")
                .pageSize(pageSize)
                .option("scanBudget", "0.5")
                .start()) {
            int pages = (connector.store().catalog().sourceItems().size() + pageSize - 1) / pageSize;
            connector.log().await(Pattern.compile("magento:products synced 60 items"), WAIT);
            connector.log().await(SOURCE_ITEMS_SCAN, WAIT); // page 1 of a paced cycle: the rest takes 2 s a page
            connector.store().requests().clear();
            String sku = connector.store().catalog().products().get(3).get("sku").asText();
            connector.store().catalog().updateProduct(sku, p -> p.put("name", "Renamed during a scan"));

            List<ConsumerRecord<String, String>> records = TestKafka.readAtLeast(connector.topic("products"), 61, WAIT);
            long scanned = scanRequests(connector, "/V1/inventory/source-items").size();

            assertTrue(records.stream().anyMatch(r -> r.key().equals(sku) && r.value() != null && r.value().contains("Renamed during a scan")),
                    "the product change reached Kafka");
            assertTrue(scanned < pages - 1, "while the scan was still mid-cycle (" + scanned + " of " + pages + " pages read since)");
        }
    }

    @Test
    void deletionFoundByABackgroundSweepIsPublished() {
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(120).storeCodes(List.of("default")).build())
                .stream("products")
                .pollInterval("500ms")
                .option("reconcileInterval", "1s")
                .option("scanBudget", "5")
                .option("scanPageSize", "50")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 120 items"), WAIT);
            String gone = connector.store().catalog().products().get(7).get("sku").asText();
            connector.store().catalog().deleteProduct(gone);

            List<ConsumerRecord<String, String>> records = TestKafka.read(connector.topic("products"), 122, WAIT, Duration.ofSeconds(2));
            List<ConsumerRecord<String, String>> delete = records.stream().filter(r -> r.key().equals(gone)).skip(1).toList();
            assertEquals(2, delete.size(), "a deleted event and a tombstone, once: " + delete);
            assertEquals("magento.product.deleted", Records.header(delete.get(0), "ce_type"));
            List<LoggedRequest> listing = connector.store().requests().matching("/V1/products").stream()
                    .filter(r -> "items[sku],total_count".equals(r.query().get("fields"))).toList();
            assertFalse(listing.isEmpty(), "the sweep listed keys only");
            assertTrue(listing.stream().allMatch(r -> "50".equals(r.query().get("searchCriteria[pageSize]"))),
                    "at magento.scan-page-size: " + listing);
            assertTrue(connector.log().count(Pattern.compile("magento:products reconcile sweep of store view default: 119 rows, 3 pages of 50;"
                                                             + " at magento.scan-budget=5 req/s shared by 1 scan one sweep takes about 1 s")) >= 1,
                    connector.log().text());
        }
    }

    @Test
    void aProductCreatedWhileTheSweepListsIsNotDeleted() {
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(120).storeCodes(List.of("default")).build())
                .stream("products")
                .pollInterval("300ms")
                .option("reconcileInterval", "1s")
                .option("scanBudget", "1")
                .option("scanPageSize", "20")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 120 items"), WAIT);
            // Page 1 of 6 told the listing there are 120 products: one created now lies beyond what it will read.
            connector.log().await(Pattern.compile("magento:products reconcile sweep of store view default"), WAIT);
            String created = "CREATED-DURING-SWEEP";
            connector.store().catalog().addProduct(created, "Created while the sweep lists", 9.99);

            // The listing did not show it, so the poll asks the store for it by SKU before deciding anything ...
            awaitConfirmationOf(connector, created);
            // ... and the store still has it: it is published once, as created, and never deleted.
            List<ConsumerRecord<String, String>> records = TestKafka.read(connector.topic("products"), 121, WAIT, Duration.ofSeconds(3));
            List<ConsumerRecord<String, String>> its = records.stream().filter(r -> r.key().equals(created)).toList();
            assertEquals(1, its.size(), "created once, no delete: " + its);
            assertEquals("magento.product.created", Records.header(its.get(0), "ce_type"));
            assertEquals(121, records.size());
        }
    }

    private static void awaitConfirmationOf(InProcessConnector connector, String sku) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean asked = connector.store().requests().matching("/V1/products").stream()
                    .anyMatch(r -> "in".equals(r.query().get("searchCriteria[filterGroups][0][filters][0][conditionType]"))
                                   && r.query().getOrDefault("searchCriteria[filterGroups][0][filters][0][value]", "").contains(sku));
            if (asked) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the store was never asked for " + sku + " by SKU");
    }

    /** The scan's own requests (no filter: stock look-ups for products filter by SKU). */
    private static List<LoggedRequest> scanRequests(InProcessConnector connector, String resource) {
        return connector.store().requests().matching(resource).stream()
                .filter(r -> !r.query().containsKey("searchCriteria[filterGroups][0][filters][0][field]")).toList();
    }
}
