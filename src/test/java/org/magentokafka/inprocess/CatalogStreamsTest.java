package org.magentokafka.inprocess;

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
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.CloudEventRecords;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * The whole catalog of a store with two store views, two inventory sources, multiselect attributes and
 * categories three levels deep lands on all five topics, products enriched with labels, stock and category paths,
 * for about one extra request per page.
 */
class CatalogStreamsTest {

    private static final int PRODUCTS = 250;
    private static final int PAGE_SIZE = 100; // 3 pages per store view
    private static final Duration WAIT = Duration.ofSeconds(60);

    @AutoClose
    private static InProcessConnector connector;
    private static SandboxStore store;

    @BeforeAll
    static void start() {
        connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).build())
                .stream("products")
                .stream("categories")
                .stream("cms-pages")
                .stream("source-items")
                .stream("product-attributes")
                .storeCodes("default,fr")
                .pageSize(PAGE_SIZE)
                .start();
        store = connector.store();
        connector.log().await(Pattern.compile("magento:products synced " + PRODUCTS + " items"), WAIT);
    }

    @Test
    void everyStreamLandsOnItsTopicWithItsKey() {
        assertKeys(connector.topic("products"), store.catalog().products().stream().map(p -> p.get("sku").asText()).collect(Collectors.toSet()));
        assertKeys(connector.topic("products") + ".fr", store.catalog().products().stream().map(p -> p.get("sku").asText()).collect(Collectors.toSet()));
        assertKeys(connector.topic("categories"), store.catalog().categories().stream().map(c -> c.get("id").asText()).collect(Collectors.toSet()));
        assertKeys(connector.topic("cms-pages"), store.catalog().cmsPages().stream().map(c -> c.get("id").asText()).collect(Collectors.toSet()));
        assertKeys(connector.topic("source-items"), store.catalog().sourceItems().stream()
                .map(s -> s.get("sku").asText() + "|" + s.get("source_code").asText()).collect(Collectors.toSet()));
        assertKeys(connector.topic("product-attributes"), store.catalog().attributes().stream()
                .map(a -> a.get("attribute_code").asText()).collect(Collectors.toSet()));
    }

    @Test
    void productsCarryOptionLabelsStockSummedOverSourcesAndCategoryPaths() {
        Map<String, JsonNode> docs = byKey(connector.topic("products"), PRODUCTS);
        Map<String, Double> stock = new HashMap<>();
        for (ObjectNode s : store.catalog().sourceItems()) {
            stock.merge(s.get("sku").asText(), s.get("quantity").asDouble(), Double::sum);
        }
        boolean sawMultiselect = false;
        boolean sawThreeLevels = false;
        boolean sawTwoSources = false;
        for (Map.Entry<String, JsonNode> e : docs.entrySet()) {
            JsonNode doc = e.getValue();
            assertEquals("default", doc.get("store_code").asText());
            assertEquals(e.getKey(), doc.get("product").get("sku").asText());
            JsonNode color = doc.get("attributes").get("color");
            if (color != null) {
                assertEquals("Color", color.get("label").asText());
                assertTrue(color.get("value_label").isTextual() && !color.get("value_label").asText().isBlank(),
                        "select value has its option label: " + color);
            }
            JsonNode material = doc.get("attributes").get("material");
            if (material != null) {
                assertTrue(material.get("value_label").isArray(), "multiselect value is a list of labels: " + material);
                assertEquals(material.get("value").asText().split(",").length, material.get("value_label").size(), material.toString());
                sawMultiselect |= material.get("value_label").size() > 1;
            }
            assertEquals(stock.getOrDefault(e.getKey(), 0.0), doc.get("inventory").get("quantity").asDouble(), 1e-9,
                    "quantity summed over sources for " + e.getKey());
            sawTwoSources |= doc.get("inventory").get("sources").size() == 2;
            for (JsonNode c : doc.get("categories")) {
                assertEquals(c.get("name").asText(), c.get("path").get(c.get("path").size() - 1).asText(), c.toString());
                sawThreeLevels |= c.get("path").size() >= 3;
            }
        }
        assertTrue(sawMultiselect, "some product has several materials");
        assertTrue(sawThreeLevels, "some product sits three category levels deep");
        assertTrue(sawTwoSources, "some product is stocked in two sources");
    }

    @Test
    void theSecondStoreViewCarriesTranslatedLabelsUnderItsOwnTopic() {
        Map<String, JsonNode> en = byKey(connector.topic("products"), PRODUCTS);
        Map<String, JsonNode> fr = byKey(connector.topic("products") + ".fr", PRODUCTS);
        long translated = fr.entrySet().stream().filter(e -> {
            JsonNode frColor = e.getValue().get("attributes").get("color");
            JsonNode enColor = en.get(e.getKey()).get("attributes").get("color");
            return frColor != null && enColor != null && !frColor.get("value_label").asText().equals(enColor.get("value_label").asText());
        }).count();
        assertTrue(translated > 0, "fr option labels differ from default ones");
        assertTrue(fr.values().stream().allMatch(d -> d.get("store_code").asText().equals("fr")));
    }

    @Test
    void lookUpsStayWithinOnePerPageAndMetadataIsReadOncePerStoreView() {
        // The connection check at start asks each endpoint for one item (pageSize=1): not part of the sync.
        // The child -> parents index is rebuilt at start from one listing of the configurables.
        List<LoggedRequest> productPages = sync("/V1/products");
        assertEquals(1, store.requests().matching("/V1/products").stream().filter(r -> r.filters("type_id", "eq")).count(),
                "one listing of the configurables for the child -> parents index");
        int pages = productPages.size();
        assertEquals(6, pages, "3 pages in each of 2 store views: " + productPages.stream()
                .map(r -> r.path() + " " + r.query() + " -> " + r.status()).toList());
        long stockLookups = store.requests().matching("/V1/inventory/source-items").stream()
                .filter(r -> "in".equals(r.query().get("searchCriteria[filterGroups][0][filters][0][conditionType]"))).count();
        assertTrue(stockLookups <= pages, "one batched stock look-up per page, not per product: " + stockLookups);
        // Issue 14's storefront look-ups: at most one of each per page, the store view's scope once per store view.
        assertTrue(store.requests().all().stream().filter(r -> r.path().contains("/V1/inventory/export-stock-salable-qty/")).count() <= pages,
                "at most one salable-quantity look-up per page");
        assertTrue(store.requests().matching("/V1/products-render-info").size() <= pages, "at most one render-info per page");
        assertTrue(store.requests().matching("/V1/products").stream().filter(r -> r.filters("entity_id", "in")).count() <= pages,
                "at most one children request per page (the catalog's configurables have no children)");
        assertTrue(sync("/V1/store/storeConfigs").size() <= 2 && sync("/V1/store/websites").size() <= 2,
                "store configs and websites once per store view");
        long trees = sync("/V1/categories").size();
        assertEquals(2, trees, "the category tree once per store view");
        long attributeReads = sync("/V1/products/attributes").size();
        assertTrue(attributeReads <= 4, "attribute metadata: the stream once and the cache once per store view: " + attributeReads);
    }

    private static List<LoggedRequest> sync(String path) {
        return store.requests().matching(path).stream()
                .filter(r -> !"1".equals(r.query().get("searchCriteria[pageSize]")) && !r.filters("entity_id", "in")
                             && !r.filters("type_id", "eq")).toList();
    }

    private static void assertKeys(String topic, Set<String> expected) {
        List<ConsumerRecord<String, String>> records = TestKafka.read(topic, expected.size(), WAIT, Duration.ofSeconds(1));
        assertEquals(expected, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()), topic);
        assertEquals(expected.size(), records.size(), "one record per key on " + topic);
        // Every record reads as a CloudEvent with the SDK, whatever the stream.
        CloudEventRecords.assertEveryRecordConverts(records);
    }

    private static Map<String, JsonNode> byKey(String topic, int expected) {
        Map<String, JsonNode> docs = new HashMap<>();
        List<ConsumerRecord<String, String>> records = TestKafka.read(topic, expected, WAIT, Duration.ZERO);
        CloudEventRecords.assertEveryRecordConverts(records);
        records.forEach(r -> docs.put(r.key(), Records.json(r)));
        assertEquals(expected, docs.size(), topic);
        return docs;
    }
}
