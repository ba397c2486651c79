package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.math.BigDecimal;
import java.util.Locale;

/** The bad-data modes of {@link Faults}, as a client sees them over HTTP. */
class BadDataTest {

    private static SandboxStore store;
    private static StoreClient client;
    private static List<ObjectNode> products;

    @BeforeAll
    static void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(23).build());
        client = new StoreClient(store);
        products = store.catalog().products();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void reset() {
        store.setFaults(Faults.none());
        store.resetFaultCounts();
        store.requests().clear();
    }

    private static String sku(int index) {
        return products.get(index).get("sku").asText();
    }

    private static String page(int page, int size) {
        return "/rest/V1/products?searchCriteria%5BpageSize%5D=" + size + "&searchCriteria%5BcurrentPage%5D=" + page;
    }

    private static JsonNode product(String sku) {
        StoreClient.Answer answer = client.get("/rest/V1/products/" + StoreClient.encode(sku));
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static JsonNode attribute(JsonNode product, String code) {
        for (JsonNode attribute : product.get("custom_attributes")) {
            if (code.equals(attribute.get("attribute_code").asText())) {
                return attribute.get("value");
            }
        }
        return null;
    }

    /** Every item of a full walk over the product list, keyed by id. */
    private static Map<Integer, JsonNode> allItems(String storePrefix) {
        Map<Integer, JsonNode> byId = new HashMap<>();
        for (int p = 1; p <= (products.size() + 9) / 10; p++) {
            for (JsonNode item : client.get(storePrefix + page(p, 10).substring("/rest".length())).json().get("items")) {
                byId.put(item.get("id").asInt(), item);
            }
        }
        return byId;
    }

    private static long count(Faults.Kind kind) {
        return store.faultCounts().get(kind.name());
    }

    @Test
    void customAttributeWithAnArrayOrAnObjectWhereAStringBelongs() {
        String arraySku = sku(2);
        String objectSku = sku(6);
        String urlKey = attribute(product(arraySku), "url_key").asText();
        store.setFaults(Faults.builder()
                .customAttributeWrongType(arraySku, "url_key", Faults.WrongType.ARRAY)
                .customAttributeWrongType(objectSku.toUpperCase(Locale.ROOT), "meta_title", Faults.WrongType.OBJECT)
                .build());

        JsonNode asArray = attribute(product(arraySku), "url_key");
        assertTrue(asArray.isArray(), asArray.toString());
        assertEquals(urlKey, asArray.get(0).asText());
        JsonNode asObject = attribute(product(objectSku), "meta_title");
        assertNotNull(asObject, "added when the product lacks it");
        assertTrue(asObject.isObject(), asObject.toString());
        assertEquals("bad", asObject.get("value").asText());

        for (String prefix : new String[] {"/rest", "/rest/fr"}) {
            Map<Integer, JsonNode> items = allItems(prefix);
            assertEquals(products.size(), items.size());
            for (ObjectNode stored : products) {
                JsonNode sent = items.get(stored.get("id").asInt());
                boolean bad = sent.get("sku").asText().equals(arraySku) || sent.get("sku").asText().equals(objectSku);
                assertEquals(bad, !attribute(sent, "url_key").isTextual() || attribute(sent, "meta_title") != null,
                        prefix + " " + sent.get("sku"));
            }
        }
        assertTrue(store.catalog().product(arraySku).orElseThrow().toString().contains("\"url_key\",\"value\":\""),
                "the catalog itself is untouched");
        assertEquals(2 + 2 * 2, count(Faults.Kind.WRONG_TYPE_ATTRIBUTE));
        assertEquals(List.of("WRONG_TYPE_ATTRIBUTE"), store.requests().all().get(1).faults());
    }

    @Test
    void numbersAsStrings() {
        String sku = sku(7);
        int id = products.get(7).get("id").asInt();
        store.setFaults(Faults.builder().numbersAsStrings(sku).build());
        JsonNode sent = product(sku);
        assertTrue(sent.get("id").isTextual());
        assertEquals(String.valueOf(id), sent.get("id").asText());
        assertTrue(sent.get("price").isTextual());
        assertTrue(sent.get("price").asText().matches("\\d+(\\.\\d{2,})?"), sent.get("price").asText());
        assertEquals(products.get(7).get("price").decimalValue().compareTo(new BigDecimal(sent.get("price").asText())), 0);
        assertTrue(sent.get("status").isTextual());
        assertTrue(sent.get("attribute_set_id").isTextual());

        Map<Integer, JsonNode> items = allItems("/rest");
        for (Map.Entry<Integer, JsonNode> e : items.entrySet()) {
            assertEquals(e.getKey() == id, e.getValue().get("id").isTextual(), e.getValue().get("sku").asText());
            assertEquals(e.getKey() == id, e.getValue().get("price").isTextual());
        }
        assertEquals(2, count(Faults.Kind.NUMBERS_AS_STRINGS));
    }

    @Test
    void numberTextKeepsTwoDecimalsForDecimals() {
        assertEquals("12.50", BadData.numberText(StoreClient.JSON.getNodeFactory().numberNode(12.5)));
        assertEquals("29.99", BadData.numberText(StoreClient.JSON.getNodeFactory().numberNode(29.99)));
        assertEquals("17", BadData.numberText(StoreClient.JSON.getNodeFactory().numberNode(17)));
        assertEquals("0.125", BadData.numberText(StoreClient.JSON.getNodeFactory().numberNode(new BigDecimal("0.125"))));
    }

    @Test
    void productWithoutSku() {
        String sku = sku(11);
        int id = products.get(11).get("id").asInt();
        store.setFaults(Faults.builder().missingSku(sku).build());
        assertFalse(product(sku).has("sku"), "also GET /V1/products/{sku}");
        Map<Integer, JsonNode> items = allItems("/rest");
        assertEquals(products.size(), items.size());
        items.forEach((itemId, item) -> assertEquals(itemId != id, item.has("sku"), "id " + itemId));
        assertEquals(2, count(Faults.Kind.MISSING_SKU));
    }

    @Test
    void sameProductOnTwoPages() {
        String onPage1 = sku(3);     // page 1 of 5 per page
        String onPage2 = sku(9);     // last item of page 2
        String onLastPage = sku(21); // page 5 of 5: no page after it
        store.setFaults(Faults.builder().duplicateAcrossPages(onPage1, onPage2, onLastPage).build());

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            JsonNode answer = client.get(page(p, 5)).json();
            assertEquals(products.size(), answer.get("total_count").asInt());
            sizes.add(answer.get("items").size());
            answer.get("items").forEach(item -> seen.add(item.get("sku").asText()));
        }
        assertEquals(List.of(5, 6, 6, 5, 3), sizes);
        assertEquals(onPage1, seen.get(5), "page 2 starts with the repeated product from page 1");
        assertEquals(onPage2, seen.get(11), "page 3 starts with the repeated product from page 2");
        assertEquals(2, seen.stream().filter(onPage1::equals).count());
        assertEquals(2, seen.stream().filter(onPage2::equals).count());
        assertEquals(1, seen.stream().filter(onLastPage::equals).count());
        assertEquals(products.size(), seen.stream().distinct().count(), "nothing is lost");
        assertEquals(2, count(Faults.Kind.DUPLICATE_ACROSS_PAGES));
        assertEquals(List.of("DUPLICATE_ACROSS_PAGES"), store.requests().all().get(1).faults());
        assertTrue(store.requests().all().get(0).faults().isEmpty());

        // A page asked past the end is the last page again (Magento's clamp) and follows the same rule.
        assertEquals(3, client.get(page(9, 5)).json().get("items").size());
    }

    @Test
    void totalCountChangesAfterPageOne() {
        store.setFaults(Faults.builder().totalCountDrift(7).build());
        assertEquals(products.size(), client.get(page(1, 10)).json().get("total_count").asInt());
        assertEquals(products.size(), client.get("/rest/V1/products?searchCriteria%5BpageSize%5D=10").json()
                .get("total_count").asInt(), "no currentPage is page 1");
        JsonNode second = client.get(page(2, 10)).json();
        assertEquals(products.size() + 7, second.get("total_count").asInt());
        assertEquals(10, second.get("items").size(), "items are not changed");
        JsonNode past = client.get(page(4, 10)).json();
        assertEquals(products.size() + 7, past.get("total_count").asInt());
        assertEquals(3, past.get("items").size(), "page 4 does not exist: Magento repeats the last page");
        assertEquals(2, count(Faults.Kind.TOTAL_COUNT_DRIFT));

        store.setFaults(Faults.builder().totalCountDrift(-100).build());
        assertEquals(0, client.get(page(2, 10)).json().get("total_count").asInt(), "never below 0");
    }

    @Test
    void badDataCombinesWithTransportFaultsAndCanBeSwitchedOff() {
        String sku = sku(0);
        store.setFaults(Faults.builder().missingSku(sku).numbersAsStrings(sku).rateTruncated(1.0).build());
        StoreClient.Answer cut = client.get(page(1, 5));
        assertEquals(200, cut.status());
        assertEquals(List.of("NUMBERS_AS_STRINGS", "MISSING_SKU", "TRUNCATED"), store.requests().all().get(0).faults());
        store.setFaults(Faults.none());
        JsonNode first = client.get(page(1, 5)).json().get("items").get(0);
        assertEquals(sku, first.get("sku").asText());
        assertTrue(first.get("id").isInt());
    }
}
