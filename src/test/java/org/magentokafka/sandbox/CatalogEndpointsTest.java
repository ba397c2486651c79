package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.magentokafka.sandbox.StoreClient.filter;
import static org.magentokafka.sandbox.StoreClient.query;

/** Categories, CMS pages, source items, attributes and stores, in both store views. */
class CatalogEndpointsTest {

    private static SandboxStore store;
    private static StoreClient client;

    @BeforeAll
    static void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(120).build());
        client = new StoreClient(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static JsonNode ok(String pathAndQuery) {
        StoreClient.Answer answer = client.get(pathAndQuery);
        assertEquals(200, answer.status(), pathAndQuery + " → " + answer.body());
        return answer.json();
    }

    @Test
    void categoryTreeStartsAtTheStoreRootAndIsThreeLevelsDeep() {
        JsonNode root = ok("/rest/V1/categories");
        assertEquals(2, root.get("id").asInt());
        assertEquals(1, root.get("parent_id").asInt());
        assertEquals("Default Category", root.get("name").asText());
        JsonNode women = root.get("children_data").get(0);
        assertEquals("Women", women.get("name").asText());
        JsonNode tops = women.get("children_data").get(0);
        assertEquals("Tops", tops.get("name").asText());
        JsonNode jackets = tops.get("children_data").get(0);
        assertEquals("Jackets", jackets.get("name").asText());
        assertEquals(4, jackets.get("level").asInt());
        assertEquals(0, jackets.get("children_data").size());
        int linked = (int) store.catalog().products().stream()
                .filter(p -> p.get("extension_attributes").get("category_links").toString().contains("\"category_id\":\"13\"")).count();
        assertEquals(linked, jackets.get("product_count").asInt());
    }

    @Test
    void categoryTreeHonoursRootCategoryIdAndDepth() {
        JsonNode women = ok("/rest/V1/categories?rootCategoryId=3&depth=1");
        assertEquals("Women", women.get("name").asText());
        assertEquals(2, women.get("children_data").size());
        women.get("children_data").forEach(c -> assertEquals(0, c.get("children_data").size()));
        assertEquals(404, client.get("/rest/V1/categories?rootCategoryId=999").status());
    }

    @Test
    void categoryListHasPathsChildrenAndTimestamps() {
        JsonNode result = ok("/rest/V1/categories/list" + query(filter(0, 0, "parent_id", "6", "eq")));
        assertEquals(4, result.get("total_count").asInt());
        JsonNode jackets = result.get("items").get(0);
        assertEquals("1/2/3/6/13", jackets.get("path").asText());
        assertEquals(4, jackets.get("level").asInt());
        assertTrue(jackets.get("updated_at").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        JsonNode women = ok("/rest/V1/categories/list" + query(filter(0, 0, "entity_id", "3", "eq"))).get("items").get(0);
        assertEquals("6,7", women.get("children").asText());
        JsonNode all = ok("/rest/V1/categories/list");
        assertEquals(25, all.get("total_count").asInt());
        JsonNode inactive = ok("/rest/V1/categories/list" + query(filter(0, 0, "is_active", "0", "eq")));
        assertEquals("Sale", inactive.get("items").get(0).get("name").asText());
    }

    @Test
    void cmsPagesUseUpdateTimeAndActive() {
        JsonNode result = ok("/rest/V1/cmsPage/search" + query("searchCriteria[sortOrders][0][field]", "update_time",
                "searchCriteria[sortOrders][0][direction]", "DESC"));
        assertEquals(7, result.get("total_count").asInt());
        JsonNode page = result.get("items").get(0);
        for (String field : new String[] {"id", "identifier", "title", "content", "update_time", "creation_time", "active", "page_layout"}) {
            assertTrue(page.has(field), field);
        }
        assertFalse(page.has("updated_at"));
        JsonNode inactive = ok("/rest/V1/cmsPage/search" + query(filter(0, 0, "is_active", "0", "eq")));
        assertEquals("summer-sale", inactive.get("items").get(0).get("identifier").asText());
        JsonNode home = ok("/rest/V1/cmsPage/search" + query(filter(0, 0, "identifier", "home", "eq")));
        assertEquals(1, home.get("total_count").asInt());
    }

    @Test
    void unknownCmsFieldIsAMasked500LikeAnSqlError() {
        StoreClient.Answer answer = client.get("/rest/V1/cmsPage/search" + query(filter(0, 0, "nope", "1", "eq")));
        assertEquals(500, answer.status());
        assertTrue(answer.json().get("message").asText().startsWith("Internal Error."));
    }

    @Test
    void sourceItemsBySkuListAcrossTwoSources() {
        List<String> skus = List.of("A+B-01", "R&D-kit", "Größe-Ä-12", "日本-ティー");
        JsonNode result = ok("/rest/V1/inventory/source-items" + query(filter(0, 0, "sku", String.join(",", skus), "in")));
        Set<String> sources = new HashSet<>();
        result.get("items").forEach(item -> {
            assertTrue(skus.contains(item.get("sku").asText()), item.toString());
            sources.add(item.get("source_code").asText());
            assertEquals(item.get("quantity").asDouble() > 0 ? 1 : 0, item.get("status").asInt());
        });
        JsonNode all = ok("/rest/V1/inventory/source-items");
        Set<String> everySource = new HashSet<>();
        all.get("items").forEach(item -> everySource.add(item.get("source_code").asText()));
        assertEquals(Set.of("default", "warehouse_eu"), everySource);
        long inDefault = store.catalog().sourceItems().stream().filter(i -> i.get("source_code").asText().equals("default")).count();
        long inEu = store.catalog().sourceItems().stream().filter(i -> i.get("source_code").asText().equals("warehouse_eu")).count();
        assertTrue(inEu > 0 && inEu < inDefault, "not every product is in both sources");
        assertFalse(sources.isEmpty());
    }

    @Test
    void selectAttributesStartWithABlankOptionAndMatchProductValues() {
        JsonNode color = ok("/rest/V1/products/attributes/color");
        assertEquals("select", color.get("frontend_input").asText());
        assertEquals(" ", color.get("options").get(0).get("label").asText());
        assertEquals("", color.get("options").get(0).get("value").asText());
        assertEquals("Blue", color.get("options").get(1).get("label").asText());
        assertEquals("49", color.get("options").get(1).get("value").asText());
        assertEquals("Color", color.get("default_frontend_label").asText());
        assertEquals(2, color.get("frontend_labels").get(0).get("store_id").asInt());

        Set<String> colorValues = new HashSet<>();
        color.get("options").forEach(o -> colorValues.add(o.get("value").asText()));
        Set<String> materialValues = new HashSet<>();
        ok("/rest/V1/products/attributes/material").get("options").forEach(o -> materialValues.add(o.get("value").asText()));
        for (JsonNode p : store.catalog().products()) {
            String c = ProductSearchTest.customAttribute(p, "color");
            if (c != null) {
                assertTrue(colorValues.contains(c), c);
            }
            for (String m : ProductSearchTest.customAttribute(p, "material").split(",")) {
                assertTrue(materialValues.contains(m), m);
            }
        }
    }

    @Test
    void attributeSearchAndUnknownAttribute() {
        JsonNode selects = ok("/rest/V1/products/attributes" + query(StoreClient.concat(filter(0, 0, "frontend_input", "select", "eq"),
                new String[] {"searchCriteria[pageSize]", "50"})));
        List<String> codes = new ArrayList<>();
        selects.get("items").forEach(a -> codes.add(a.get("attribute_code").asText()));
        assertTrue(codes.containsAll(List.of("color", "manufacturer", "visibility", "tax_class_id")), codes.toString());
        StoreClient.Answer missing = client.get("/rest/V1/products/attributes/nope");
        assertEquals(404, missing.status());
        assertEquals("[\"nope\"]", missing.json().get("parameters").toString());
    }

    @Test
    void frenchStoreViewTranslatesNamesAndOptionLabels() {
        JsonNode fr = ok("/rest/fr/V1/products/attributes/color");
        assertEquals("Bleu", fr.get("options").get(1).get("label").asText());
        assertEquals(" ", fr.get("options").get(0).get("label").asText());
        String sku = StoreClient.encode("A+B-01");
        String english = ok("/rest/V1/products/" + sku).get("name").asText();
        String french = ok("/rest/fr/V1/products/" + sku).get("name").asText();
        assertFalse(english.equals(french), english + " / " + french);
        JsonNode frList = ok("/rest/fr/V1/products" + query(filter(0, 0, "sku", "A+B-01", "eq")));
        assertEquals(french, frList.get("items").get(0).get("name").asText());
        assertEquals("Femmes", ok("/rest/fr/V1/categories").get("children_data").get(0).get("name").asText());
    }

    @Test
    void storeViewsAndConfigs() {
        JsonNode views = ok("/rest/V1/store/storeViews");
        List<String> codes = new ArrayList<>();
        views.forEach(v -> codes.add(v.get("code").asText()));
        assertEquals(List.of("admin", "default", "fr"), codes);
        JsonNode configs = ok("/rest/V1/store/storeConfigs");
        assertEquals(2, configs.size());
        assertEquals(store.baseUrl() + "/", configs.get(0).get("base_url").asText());
        assertEquals("fr_FR", configs.get(1).get("locale").asText());
        JsonNode onlyFr = ok("/rest/V1/store/storeConfigs?storeCodes%5B%5D=fr");
        assertEquals(1, onlyFr.size());
        assertEquals("fr", onlyFr.get(0).get("code").asText());
    }
}
