package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.magentokafka.sandbox.StoreClient.concat;
import static org.magentokafka.sandbox.StoreClient.filter;
import static org.magentokafka.sandbox.StoreClient.query;

class ProductSearchTest {

    private static SandboxStore store;
    private static StoreClient client;

    @BeforeAll
    static void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(250).build());
        client = new StoreClient(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static JsonNode products(String... pairs) {
        StoreClient.Answer answer = client.get("/rest/V1/products" + query(pairs));
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        return answer.json();
    }

    private static List<Integer> ids(JsonNode result) {
        List<Integer> ids = new ArrayList<>();
        result.get("items").forEach(item -> ids.add(item.get("id").asInt()));
        return ids;
    }

    @Test
    void pagesAreOneBasedAndDefaultToEntityIdOrder() {
        JsonNode first = products("searchCriteria[pageSize]", "100", "searchCriteria[currentPage]", "1");
        assertEquals(250, first.get("total_count").asInt());
        assertEquals(100, first.get("items").size());
        assertEquals(1, ids(first).get(0));
        JsonNode third = products("searchCriteria[pageSize]", "100", "searchCriteria[currentPage]", "3");
        assertEquals(50, third.get("items").size());
        assertEquals(201, ids(third).get(0));
        assertEquals(250, ids(third).get(49));
    }

    @Test
    void pagePastTheEndReturnsTheLastPageAgain() {
        JsonNode last = products("searchCriteria[pageSize]", "100", "searchCriteria[currentPage]", "3");
        JsonNode beyond = products("searchCriteria[pageSize]", "100", "searchCriteria[currentPage]", "4");
        assertEquals(ids(last), ids(beyond));
        assertEquals(250, beyond.get("total_count").asInt());
        assertEquals(4, beyond.get("search_criteria").get("current_page").asInt(), "the echo keeps what was asked");
    }

    @Test
    void missingPageSizeReturnsTheWholeCollection() {
        JsonNode all = products("searchCriteria[currentPage]", "2");
        assertEquals(250, all.get("items").size());
        assertEquals(250, all.get("total_count").asInt());
        JsonNode nothingAsked = products();
        assertEquals(250, nothingAsked.get("items").size());
        assertEquals("{\"filter_groups\":[]}", nothingAsked.get("search_criteria").toString());
    }

    @Test
    void pageSizeAboveTheLimitIs400() {
        StoreClient.Answer answer = client.get("/rest/V1/products" + query("searchCriteria[pageSize]", "301"));
        assertEquals(400, answer.status());
        assertEquals("{\"message\":\"Maximum SearchQuery pageSize is %max\",\"parameters\":{\"max\":300}}", answer.body());
        assertEquals(250, products("searchCriteria[pageSize]", "300").get("items").size(), "300 is allowed");
    }

    @Test
    void nonNumericPageSizeIs400() {
        StoreClient.Answer answer = client.get("/rest/V1/products" + query("searchCriteria[pageSize]", "ten"));
        assertEquals(400, answer.status());
        assertEquals("ten", answer.json().get("parameters").get("value").asText());
    }

    @Test
    void searchCriteriaIsEchoedInMagentoShape() {
        JsonNode result = products(concat(
                filter(0, 0, "type_id", "simple", "eq"),
                new String[] {"searchCriteria[sortOrders][0][field]", "price", "searchCriteria[sortOrders][0][direction]", "DESC",
                        "searchCriteria[pageSize]", "5", "searchCriteria[currentPage]", "1"}));
        assertEquals("{\"filter_groups\":[{\"filters\":[{\"field\":\"type_id\",\"value\":\"simple\",\"condition_type\":\"eq\"}]}],"
                        + "\"sort_orders\":[{\"field\":\"price\",\"direction\":\"DESC\"}],\"page_size\":5,\"current_page\":1}",
                result.get("search_criteria").toString());
    }

    @Test
    void skuFilterIsExactButCaseInsensitive() {
        JsonNode result = products(filter(0, 0, "sku", "r&d-KIT", "eq"));
        assertEquals(1, result.get("total_count").asInt());
        assertEquals("R&D-kit", result.get("items").get(0).get("sku").asText());
    }

    @Test
    void filtersInOneGroupAreOredAndGroupsAreAnded() {
        JsonNode ored = products(concat(filter(0, 0, "entity_id", "3", "eq"), filter(0, 1, "entity_id", "7", "eq")));
        assertEquals(List.of(3, 7), ids(ored));
        JsonNode anded = products(concat(filter(0, 0, "entity_id", "10", "lteq"), filter(1, 0, "entity_id", "8", "gt")));
        assertEquals(List.of(9, 10), ids(anded));
    }

    /** MySQL answers a range that holds nothing with no rows, as Magento's collection does: never an error. */
    @Test
    void anEmptyIdRangeIsAnEmptyAnswer() {
        JsonNode empty = products(concat(filter(0, 0, "entity_id", "10", "gt"), filter(1, 0, "entity_id", "10", "lteq"),
                new String[] {"searchCriteria[pageSize]", "40", "searchCriteria[currentPage]", "1"}));
        assertEquals(0, empty.get("total_count").asInt());
        assertEquals(List.of(), ids(empty));
    }

    @Test
    void comparisonConditionsWorkOnNumbersAndDates() {
        JsonNode range = products(concat(filter(0, 0, "price", "50", "from"), filter(1, 0, "price", "100", "to")));
        assertTrue(range.get("total_count").asInt() > 0);
        range.get("items").forEach(p -> {
            BigDecimal price = p.get("price").decimalValue();
            assertTrue(price.compareTo(BigDecimal.valueOf(50)) >= 0 && price.compareTo(BigDecimal.valueOf(100)) <= 0, price.toString());
        });
        String watermark = "2024-01-01 00:00:00";
        JsonNode recent = products(filter(0, 0, "updated_at", watermark, "gteq"));
        recent.get("items").forEach(p -> assertTrue(p.get("updated_at").asText().compareTo(watermark) >= 0));
        long expected = store.catalog().products().stream()
                .filter(p -> p.get("updated_at").asText().compareTo(watermark) >= 0).count();
        assertEquals(expected, recent.get("total_count").asLong());
    }

    @Test
    void inNinNeqLikeNullNotnullAndFinset() {
        assertEquals(List.of(2, 4, 6), ids(products(filter(0, 0, "entity_id", "2,4,6", "in"))));
        assertEquals(247, products(filter(0, 0, "entity_id", "2,4,6", "nin")).get("total_count").asInt());
        assertEquals(249, products(filter(0, 0, "sku", "A+B-01", "neq")).get("total_count").asInt());

        JsonNode tees = products(filter(0, 0, "name", "%tee%", "like"));
        assertTrue(tees.get("total_count").asInt() > 0);
        tees.get("items").forEach(p -> assertTrue(p.get("name").asText().toLowerCase().contains("tee")));

        int virtual = products(filter(0, 0, "type_id", "virtual", "eq")).get("total_count").asInt();
        assertEquals(virtual, products(filter(0, 0, "weight", "", "null")).get("total_count").asInt());
        assertEquals(250 - virtual, products(filter(0, 0, "weight", "", "notnull")).get("total_count").asInt());

        JsonNode wool = products(filter(0, 0, "material", "150", "finset"));
        assertTrue(wool.get("total_count").asInt() > 0);
        wool.get("items").forEach(p -> assertTrue(List.of(customAttribute(p, "material").split(",")).contains("150")));
    }

    @Test
    void customAttributesAndCategoryAreFilterable() {
        JsonNode blue = products(filter(0, 0, "color", "49", "eq"));
        assertTrue(blue.get("total_count").asInt() > 0);
        blue.get("items").forEach(p -> assertEquals("49", customAttribute(p, "color")));
        JsonNode jackets = products(filter(0, 0, "category_id", "13", "eq"));
        assertTrue(jackets.get("total_count").asInt() > 0);
        jackets.get("items").forEach(p -> assertTrue(p.get("extension_attributes").get("category_links").toString().contains("\"13\"")));
    }

    @Test
    void unknownFilterFieldIsInvalidAttributeButUnknownSortIsIgnored() {
        StoreClient.Answer answer = client.get("/rest/V1/products" + query(filter(0, 0, "no_such_code", "1", "eq")));
        assertEquals(400, answer.status());
        assertEquals("{\"message\":\"Invalid attribute name: %1\",\"parameters\":[\"no_such_code\"]}", answer.body());
        JsonNode sorted = products("searchCriteria[sortOrders][0][field]", "no_such_code", "searchCriteria[pageSize]", "3");
        assertEquals(List.of(1, 2, 3), ids(sorted));
    }

    @Test
    void sortsNumericallyWhenNumericAndAsStringsOtherwise() {
        JsonNode byPrice = products("searchCriteria[sortOrders][0][field]", "price", "searchCriteria[sortOrders][0][direction]", "DESC");
        BigDecimal previous = null;
        for (JsonNode p : byPrice.get("items")) {
            BigDecimal price = p.get("price").decimalValue();
            if (previous != null) {
                assertTrue(previous.compareTo(price) >= 0, previous + " before " + price);
            }
            previous = price;
        }
        JsonNode byName = products("searchCriteria[sortOrders][0][field]", "name", "searchCriteria[sortOrders][0][direction]", "ASC",
                "searchCriteria[sortOrders][1][field]", "entity_id", "searchCriteria[sortOrders][1][direction]", "DESC");
        String previousName = null;
        int previousId = Integer.MAX_VALUE;
        for (JsonNode p : byName.get("items")) {
            String name = p.get("name").asText().toLowerCase();
            if (previousName != null) {
                int c = previousName.compareTo(name);
                assertTrue(c < 0 || (c == 0 && previousId > p.get("id").asInt()), previousName + " / " + name);
            }
            previousName = name;
            previousId = p.get("id").asInt();
        }
    }

    @Test
    void keysetPagingVisitsEveryProductOnce() {
        Set<Integer> seen = new HashSet<>();
        int lastId = 0;
        while (true) {
            JsonNode page = products(concat(filter(0, 0, "entity_id", String.valueOf(lastId), "gt"),
                    new String[] {"searchCriteria[sortOrders][0][field]", "entity_id", "searchCriteria[sortOrders][0][direction]", "ASC",
                            "searchCriteria[pageSize]", "40", "searchCriteria[currentPage]", "1"}));
            if (page.get("items").isEmpty()) {
                break;
            }
            for (int id : ids(page)) {
                assertTrue(seen.add(id));
                lastId = id;
            }
        }
        assertEquals(250, seen.size());
    }

    @Test
    void snakeCaseKeysAreAcceptedToo() {
        JsonNode result = products("searchCriteria[page_size]", "7", "searchCriteria[current_page]", "2");
        assertEquals(List.of(8, 9, 10, 11, 12, 13, 14), ids(result));
    }

    @Test
    void productsLookRealistic() {
        JsonNode p = products("searchCriteria[pageSize]", "250").get("items").get(20);
        assertTrue(p.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        assertTrue(p.get("extension_attributes").get("website_ids").isArray());
        assertTrue(customAttributeNode(p, "category_ids").isArray());
        List<String> types = new ArrayList<>();
        store.catalog().products().forEach(x -> types.add(x.get("type_id").asText()));
        assertTrue(types.contains("configurable") && types.contains("virtual") && types.contains("simple"));
        assertTrue(store.catalog().products().stream().anyMatch(x -> customAttribute(x, "material") != null
                && customAttribute(x, "material").contains(",")), "some multiselect values hold several ids");
        assertTrue(store.catalog().products().stream().anyMatch(x -> !x.get("media_gallery_entries").isEmpty()));
        long distinctSeconds = store.catalog().products().stream().map(x -> x.get("updated_at").asText()).distinct().count();
        assertTrue(distinctSeconds < 200, "many products share an updated_at second: " + distinctSeconds);
    }

    @Test
    void sameSeedSameCatalogOtherSeedOtherCatalog() {
        try (SandboxStore again = SandboxStore.start(SandboxOptions.builder().productCount(250).build());
             SandboxStore other = SandboxStore.start(SandboxOptions.builder().productCount(250).seed(7).build())) {
            assertEquals(store.catalog().products(), again.catalog().products());
            assertFalse(store.catalog().products().equals(other.catalog().products()));
        }
    }

    static String customAttribute(JsonNode product, String code) {
        JsonNode node = customAttributeNode(product, code);
        return node == null ? null : node.asText();
    }

    static JsonNode customAttributeNode(JsonNode product, String code) {
        for (JsonNode a : product.get("custom_attributes")) {
            if (code.equals(a.get("attribute_code").asText())) {
                return a.get("value");
            }
        }
        return null;
    }
}
