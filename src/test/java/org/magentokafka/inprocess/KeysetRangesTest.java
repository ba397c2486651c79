package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.InconsistentLists;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.SyncPages;
import org.magentokafka.testing.TestKafka;

/**
 * {@code paging=keyset}: the catalog is read as {@code entity_id > last seen}, always page 1, with the id range
 * split over the concurrent requests, on a store whose ids have a gap (deleted products); a huge total_count does
 * not make it read more.
 */
class KeysetRangesTest {

    private static final int PAGE_SIZE = 75;
    private static final int CONCURRENCY = 4;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @AutoClose
    private static InProcessConnector connector;
    private static SandboxStore store;
    private static int products;

    @BeforeAll
    static void syncAStoreWithAHoleInItsIds() {
        connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(1000).build())
                .stream("products")
                .pageSize(PAGE_SIZE)
                .option("maxConcurrency", CONCURRENCY)
                .option("paging", "keyset")
                // A hole in the ids: the sub-ranges are uneven, some nearly empty.
                .beforeStart(KeysetRangesTest::deleteIdsFrom201To450)
                .start();
        store = connector.store();
        products = store.catalog().productCount();
        connector.log().await(Pattern.compile("magento:products synced " + products + " items in \\d+ pages"), WAIT);
    }

    private static void deleteIdsFrom201To450(SandboxStore store) {
        for (JsonNode product : store.catalog().products()) {
            int id = product.get("id").asInt();
            if (id > 200 && id <= 450) {
                store.catalog().deleteProduct(product.get("sku").asText());
            }
        }
    }

    @Test
    void keysetSyncPublishesEveryProductExactlyOnce() {
        List<ConsumerRecord<String, String>> records = TestKafka.read(connector.topic("products"), products, WAIT, Duration.ofSeconds(2));
        assertEquals(products, records.size(), "one record per product, no duplicates");
        Set<String> expected = store.catalog().products().stream().map(p -> p.get("sku").asText()).collect(Collectors.toSet());
        assertEquals(expected, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
    }

    @Test
    void keysetAsksForPageOneByIdAndAboutOneRequestPerPage() {
        List<LoggedRequest> sync = SyncPages.of(store, "/V1/products");
        for (LoggedRequest r : sync) {
            assertEquals("GET", r.method());
            assertEquals("1", r.query().get("searchCriteria[currentPage]"), "keyset never asks for a deep page: " + r.query());
            assertEquals("entity_id", r.query().get("searchCriteria[sortOrders][0][field]"));
            assertEquals("ASC", r.query().get("searchCriteria[sortOrders][0][direction]"));
        }
        assertTrue(sync.stream().skip(1).allMatch(r -> "gt".equals(r.query().get("searchCriteria[filterGroups][0][filters][0][conditionType]"))),
                "after the first page, every page starts after the last id seen: " + sync.size() + " requests");
        int pages = (products + PAGE_SIZE - 1) / PAGE_SIZE;
        // One partial page at most per sub-range on top of the pages the catalog needs.
        assertTrue(sync.size() >= pages && sync.size() <= pages + CONCURRENCY,
                sync.size() + " requests of " + PAGE_SIZE + " items for " + products + " products");
    }

    @Test
    void aKeysetPassIgnoresAHugeTotalCountAndEndsOnItsShortPages() {
        int count = 250;
        int pageSize = 100;
        int concurrency = 2;
        try (InProcessConnector keyset = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(count).storeCodes(List.of("default"))
                        .inconsistentLists(InconsistentLists.HUGE_TOTAL_COUNT).build())
                .stream("products")
                .pageSize(pageSize)
                .option("maxConcurrency", concurrency)
                .option("paging", "keyset")
                .start()) {
            keyset.log().await(Pattern.compile("magento:products synced " + count + " items"), WAIT);
            List<ConsumerRecord<String, String>> records = TestKafka.read(keyset.topic("products"), count, WAIT, Duration.ofSeconds(1));
            assertEquals(count, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size());
            List<LoggedRequest> lists = keyset.store().requests().matching("/V1/products").stream()
                    .filter(r -> !r.filters("entity_id", "in")).toList();
            // Page 1, the highest id, then each id range until its short page: a handful, not 397,356 pages.
            assertTrue(lists.size() <= (count + pageSize - 1) / pageSize + 2 + 2 * concurrency, lists.size() + " list requests");
            assertTrue(lists.stream().allMatch(r -> r.query().getOrDefault("searchCriteria[currentPage]", "1").equals("1")),
                    "keyset asks for page 1 only");
            assertEquals(1, keyset.log().count(Pattern.compile("WARN.*magento:products GET \\S+ \\(store view default\\) answered an"
                                                               + " inconsistent list: .*total_count is " + InconsistentLists.HUGE_COUNT
                                                               + ".*The pass ended early")), keyset.log().text());
            assertTrue(keyset.log().stackTraces().isEmpty(), keyset.log().text());
        }
    }
}
