package org.magentokafka.it;

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
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.TestKafka;

/**
 * {@code MAGENTO_PAGING=keyset}: the packaged connector reads the catalog as {@code entity_id > last seen}, always
 * page 1, with the id range split over the concurrent requests, on a store whose ids have a gap (deleted products).
 */
class KeysetPagingIT {

    private static final int PAGE_SIZE = 75;
    private static final int CONCURRENCY = 4;

    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;
    private static ConnectorProcess connector;
    private static String topic;
    private static int products;

    @BeforeAll
    static void start() {
        environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(1000).build())
                .topic("products", "products-keyset")
                .env("MAGENTO_PAGE_SIZE", String.valueOf(PAGE_SIZE))
                .env("MAGENTO_MAX_CONCURRENCY", String.valueOf(CONCURRENCY))
                .env("MAGENTO_PAGING", "keyset")
                .start();
        store = environment.store();
        // A hole in the ids: the sub-ranges are uneven, some nearly empty.
        for (JsonNode product : store.catalog().products()) {
            int id = product.get("id").asInt();
            if (id > 200 && id <= 450) {
                store.catalog().deleteProduct(product.get("sku").asText());
            }
        }
        products = store.catalog().productCount();
        topic = environment.topic("products");
        connector = environment.start("keyset-paging");
    }

    @Test
    void keysetSyncPublishesEveryProductExactlyOnce() {
        connector.awaitLine(Pattern.compile("magento:products synced " + products + " items in \\d+ pages"), Duration.ofSeconds(90));

        List<ConsumerRecord<String, String>> records = TestKafka.read(topic, products, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertEquals(products, records.size(), "one record per product, no duplicates");
        Set<String> expected = store.catalog().products().stream().map(p -> p.get("sku").asText()).collect(Collectors.toSet());
        assertEquals(expected, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
    }

    @Test
    void keysetAsksForPageOneByIdAndAboutOneRequestPerPage() {
        connector.awaitLine(Pattern.compile("magento:products synced"), Duration.ofSeconds(90));
        List<LoggedRequest> sync = store.requests().matching("/V1/products").stream()
                .filter(r -> String.valueOf(PAGE_SIZE).equals(r.query().get("searchCriteria[pageSize]"))).toList();
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
}
