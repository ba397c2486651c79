package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.magentokafka.sandbox.StoreClient.filter;
import static org.magentokafka.sandbox.StoreClient.query;

/** Changes a test makes to the catalog show over HTTP with the timestamps Magento would write. */
class CatalogMutationTest {

    private static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");
    private static final String NOW_TEXT = "2026-02-03 04:05:06";

    private SandboxStore store;
    private StoreClient client;

    @BeforeEach
    void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(50)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
        client = new StoreClient(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private JsonNode ok(String pathAndQuery) {
        StoreClient.Answer answer = client.get(pathAndQuery);
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    @Test
    void productUpdateBumpsUpdatedAtAndIsFoundByAWatermark() {
        assertTrue(store.catalog().updateProduct("A+B-01", p -> p.put("price", 12.5)));
        JsonNode product = ok("/rest/V1/products/A%2BB-01");
        assertEquals(12.5, product.get("price").asDouble());
        assertEquals(NOW_TEXT, product.get("updated_at").asText());
        JsonNode changed = ok("/rest/V1/products" + query(filter(0, 0, "updated_at", NOW_TEXT, "gteq")));
        assertEquals(1, changed.get("total_count").asInt());
        assertFalse(store.catalog().updateProduct("NO-SUCH", p -> p.put("price", 1)));
    }

    @Test
    void productDeleteRemovesItAndItsStock() {
        int before = store.catalog().productCount();
        assertTrue(store.catalog().deleteProduct("R&D-kit"));
        assertEquals(404, client.get("/rest/V1/products/R%26D-kit").status());
        assertEquals(before - 1, ok("/rest/V1/products?searchCriteria%5BpageSize%5D=1").get("total_count").asInt());
        assertEquals(0, ok("/rest/V1/inventory/source-items" + query(filter(0, 0, "sku", "R&D-kit", "eq"))).get("total_count").asInt());
    }

    @Test
    void productAddGetsTheNextIdAndNowTimestamps() {
        ObjectNode added = store.catalog().addProduct("NEW-1", "Brand New Tee", 19.99);
        assertEquals(51, added.get("id").asInt());
        JsonNode fetched = ok("/rest/V1/products/NEW-1");
        assertEquals(NOW_TEXT, fetched.get("created_at").asText());
        assertEquals(NOW_TEXT, fetched.get("updated_at").asText());
        assertThrows(IllegalArgumentException.class, () -> store.catalog().addProduct("new-1", "Duplicate", 1));
    }

    @Test
    void frenchNameChangeBumpsUpdatedAt() {
        assertTrue(store.catalog().setProductName("A+B-01", "fr", "Nouveau nom"));
        assertEquals("Nouveau nom", ok("/rest/fr/V1/products/A%2BB-01").get("name").asText());
        assertEquals(NOW_TEXT, ok("/rest/V1/products/A%2BB-01").get("updated_at").asText());
    }

    @Test
    void sourceItemQuantityChangesWithoutATimestamp() {
        store.catalog().setSourceItemQuantity("A+B-01", "default", 0);
        JsonNode item = ok("/rest/V1/inventory/source-items" + query(StoreClient.concat(filter(0, 0, "sku", "A+B-01", "eq"),
                filter(1, 0, "source_code", "default", "eq")))).get("items").get(0);
        assertEquals(0, item.get("quantity").asInt());
        assertEquals(0, item.get("status").asInt());
        store.catalog().setSourceItemQuantity("A+B-01", "default", 7.5);
        assertEquals(7.5, store.catalog().sourceItems().stream()
                .filter(i -> i.get("sku").asText().equals("A+B-01") && i.get("source_code").asText().equals("default"))
                .findFirst().orElseThrow().get("quantity").asDouble());
    }

    @Test
    void optionLabelChangesPerStoreView() {
        assertTrue(store.catalog().setOptionLabel("color", "49", "Navy"));
        assertTrue(store.catalog().setOptionLabel("color", "49", "fr", "Marine"));
        assertEquals("Navy", ok("/rest/V1/products/attributes/color").get("options").get(1).get("label").asText());
        assertEquals("Marine", ok("/rest/fr/V1/products/attributes/color").get("options").get(1).get("label").asText());
        assertFalse(store.catalog().setOptionLabel("color", "9999", "Nope"));
    }

    @Test
    void categoryRenameBumpsUpdatedAt() {
        assertTrue(store.catalog().renameCategory(13, "Coats"));
        JsonNode coats = ok("/rest/V1/categories/13");
        assertEquals("Coats", coats.get("name").asText());
        assertEquals(NOW_TEXT, coats.get("updated_at").asText());
        assertTrue(ok("/rest/V1/categories").toString().contains("\"Coats\""));
    }

    @Test
    void cmsPageUpdateBumpsUpdateTime() {
        assertTrue(store.catalog().updateCmsPage("about-us", p -> p.put("title", "About the shop")));
        JsonNode page = ok("/rest/V1/cmsPage/search" + query(filter(0, 0, "identifier", "about-us", "eq"))).get("items").get(0);
        assertEquals("About the shop", page.get("title").asText());
        assertEquals(NOW_TEXT, page.get("update_time").asText());
    }

    @Test
    void publicSnapshotsAreCopies() {
        store.catalog().products().get(0).put("name", "tampered");
        assertFalse(ok("/rest/V1/products/24-MB01%2Fblue").get("name").asText().equals("tampered"));
    }
}
