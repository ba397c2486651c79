package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.CloudEventRecords;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.SyncPages;
import org.magentokafka.testing.TestKafka;
import java.util.Comparator;

/**
 * The foundation end to end: the packaged connector, configured only by environment variables, syncs a
 * 1,000-product simulated store into a real broker.
 */
class ProductsToKafkaIT {

    private static final int PRODUCTS = 1000;
    private static final int PAGE_SIZE = 75; // 14 pages, the last one partial
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 4 and 4.0 are the same JSON number; the simulator and the connector may pick different Java types. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;
    private static ConnectorProcess connector;
    private static String topic;

    @BeforeAll
    static void start() {
        topic = TestKafka.uniqueTopic("products");
        // The earlier name of MAGENTO_STREAMS_PRODUCTS_TOPIC, a documented alias: it must keep working.
        environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).build())
                .env("MAGENTO_PAGE_SIZE", String.valueOf(PAGE_SIZE))
                .env("MAGENTO_TOPIC_PRODUCTS", topic)
                .start();
        store = environment.store();
        connector = environment.start("products-to-kafka");
    }

    @Test
    void everyProductLandsExactlyOnceKeyedBySkuWithItsJson() throws Exception {
        connector.awaitLine(Pattern.compile("magento:products synced " + PRODUCTS + " items in 14 pages"), Duration.ofSeconds(90));

        List<ConsumerRecord<String, String>> records = TestKafka.read(topic, PRODUCTS, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertEquals(PRODUCTS, records.size(), "one record per product, no duplicates");
        CloudEventRecords.assertEveryRecordConverts(records);

        Map<String, JsonNode> expected = new HashMap<>();
        for (JsonNode product : store.catalog().products()) {
            expected.put(product.get("sku").asText(), product);
        }
        Set<String> keys = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertEquals(expected.keySet(), keys, "keyed by SKU, every product of the store");
        assertTrue(keys.stream().anyMatch(k -> k.contains("/")) && keys.stream().anyMatch(k -> !k.matches("\\p{ASCII}*")),
                "the catalog has SKUs with '/' and non-ASCII characters");
        for (ConsumerRecord<String, String> r : records) {
            JsonNode actual = JSON.readTree(r.value()).get("product");
            assertTrue(expected.get(r.key()).equals(NUMBERS_BY_VALUE, actual),
                    "value.product is the product as Magento returned it: " + r.key() + "\nexpected " + expected.get(r.key()) + "\nactual   " + actual);
        }
    }

    @Test
    void pagingSendsPageSizeEveryTimeAndNeverAsksPastTheLastPage() {
        connector.awaitLine(Pattern.compile("magento:products synced"), Duration.ofSeconds(90));
        List<LoggedRequest> all = store.requests().matching("/V1/products");
        assertTrue(all.stream().allMatch(r -> "GET".equals(r.method()) && r.query().containsKey("searchCriteria[pageSize]")),
                "read-only, and pageSize on every request: " + all);
        List<LoggedRequest> requests = all.stream().filter(SyncPages.A_PAGE_OF_THE_SYNC).toList();
        assertEquals(14, requests.size(), "one request per page: " + requests);
        for (LoggedRequest r : requests) {
            assertEquals(String.valueOf(PAGE_SIZE), r.query().get("searchCriteria[pageSize]"), "the configured page size");
            int page = Integer.parseInt(r.query().get("searchCriteria[currentPage]"));
            assertTrue(page >= 1 && page <= 14, "page " + page + " is past the last page");
            assertEquals("entity_id", r.query().get("searchCriteria[sortOrders][0][field]"), "sorted on a unique key");
        }
        assertEquals(14, requests.stream().map(r -> r.query().get("searchCriteria[currentPage]")).distinct().count());
    }
}
