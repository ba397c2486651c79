package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

class RoutingAndAuthTest {

    private static final String NOT_AUTHORIZED =
            "{\"message\":\"The consumer isn't authorized to access %resources.\",\"parameters\":{\"resources\":\"RESOURCE\"}}";
    private static final String NO_ROUTE = "{\"message\":\"Request does not match any route.\",\"trace\":null}";

    private static SandboxStore store;
    private static StoreClient client;

    @BeforeAll
    static void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(30).build());
        client = new StoreClient(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rest/V1/products", "/rest/default/V1/products", "/rest/fr/V1/products",
            "/index.php/rest/V1/products", "/index.php/rest/fr/V1/products"})
    void restPathsWithAndWithoutStoreCodeAndIndexPhp(String path) {
        StoreClient.Answer answer = client.get(path + "?searchCriteria%5BpageSize%5D=1");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(30, answer.json().get("total_count").asInt());
    }

    @Test
    void unknownStoreCodeStaysInThePathAndMatchesNoRoute() {
        // Magento\Webapi\Controller\PathProcessor: an unknown code is not a store, so /xx/V1/... has no route.
        StoreClient.Answer answer = client.get("/rest/xx/V1/products");
        assertEquals(404, answer.status());
        assertEquals(NO_ROUTE, answer.body());
    }

    @Test
    void getWithStoreCodeAllIsRefused() {
        StoreClient.Answer answer = client.get("/rest/all/V1/products");
        assertEquals(400, answer.status());
        assertEquals("{\"message\":\"Cannot perform GET operation with store code 'all'\"}", answer.body());
    }

    @Test
    void unknownRouteAndWrongMethodAreRouteNotFound() {
        assertEquals(NO_ROUTE, client.get("/rest/V1/nothing-here").body());
        assertEquals(404, client.get("/rest/V1/nothing-here").status());
        StoreClient.Answer post = client.send("POST", "/rest/V1/categories/list");
        assertEquals(404, post.status());
        assertEquals(NO_ROUTE, post.body());
        StoreClient.Answer patch = client.send("PATCH", "/rest/V1/products");
        assertEquals(400, patch.status());
        assertEquals("{\"message\":\"Request method is invalid.\"}", patch.body());
    }

    @Test
    void routeIsMatchedBeforeAuthorization() {
        StoreClient.Answer answer = new StoreClient(store).token(null).get("/rest/V1/nothing-here");
        assertEquals(404, answer.status());
    }

    @Test
    void pathsOutsideRestGetTheStorefront404() {
        StoreClient.Answer answer = client.get("/customer/account");
        assertEquals(404, answer.status());
        assertTrue(answer.contentType().startsWith("text/html"));
    }

    @Test
    void missingOrWrongTokenIs401NamingTheEndpointResource() {
        StoreClient.Answer none = new StoreClient(store).token(null).get("/rest/V1/products");
        assertEquals(401, none.status());
        assertEquals(NOT_AUTHORIZED.replace("RESOURCE", "Magento_Catalog::products"), none.body());
        StoreClient.Answer wrong = new StoreClient(store).token("nope").get("/rest/V1/cmsPage/search");
        assertEquals(401, wrong.status());
        assertEquals(NOT_AUTHORIZED.replace("RESOURCE", "Magento_Cms::page"), wrong.body());
    }

    @Test
    void eachEndpointNamesItsOwnResource() {
        StoreClient anonymous = new StoreClient(store).token(null);
        assertTrue(anonymous.get("/rest/V1/categories").body().contains("Magento_Catalog::categories"));
        assertTrue(anonymous.get("/rest/V1/categories/list").body().contains("Magento_Catalog::categories"));
        assertTrue(anonymous.get("/rest/V1/inventory/source-items").body().contains("Magento_InventoryApi::source"));
        assertTrue(anonymous.get("/rest/V1/products/attributes/color").body().contains("Magento_Catalog::attributes_attributes"));
        assertTrue(anonymous.get("/rest/V1/products/attributes").body().contains("Magento_Catalog::attributes_attributes"));
        assertTrue(anonymous.get("/rest/V1/store/storeViews").body().contains("Magento_Backend::store"));
        assertTrue(anonymous.get("/rest/V1/store/storeConfigs").body().contains("Magento_Backend::store"));
    }

    @Test
    void bearerRefusedByStoreConfigLooksLikeAnyOther401() {
        try (SandboxStore strict = SandboxStore.start(SandboxOptions.builder().productCount(1).bearerAllowed(false).build())) {
            StoreClient.Answer answer = new StoreClient(strict).get("/rest/V1/products");
            assertEquals(401, answer.status());
            assertEquals(NOT_AUTHORIZED.replace("RESOURCE", "Magento_Catalog::products"), answer.body());
        }
    }

    @Test
    void missingAclResourceIs401NotForbidden() {
        try (SandboxStore limited = SandboxStore.start(SandboxOptions.builder().productCount(1)
                .grantedResources(Set.of(AclResources.PRODUCTS)).build())) {
            StoreClient limitedClient = new StoreClient(limited);
            assertEquals(200, limitedClient.get("/rest/V1/products").status());
            StoreClient.Answer pages = limitedClient.get("/rest/V1/cmsPage/search");
            assertEquals(401, pages.status());
            assertEquals(NOT_AUTHORIZED.replace("RESOURCE", "Magento_Cms::page"), pages.body());
        }
    }

    @Test
    void authenticatorIsPluggable() {
        RequestAuthenticator headerKey = request -> "letmein".equals(request.header("X-Test-Key"))
                && request.uri().toString().startsWith("http://127.0.0.1:")
                ? SandboxOptions.ALL_CATALOG_RESOURCES : Set.of();
        try (SandboxStore custom = SandboxStore.start(SandboxOptions.builder().productCount(1).authenticator(headerKey).build())) {
            assertEquals(401, new StoreClient(custom).get("/rest/V1/products").status(), "bearer no longer accepted");
            HttpClient http = HttpClient.newHttpClient();
            int status = http.send(HttpRequest.newBuilder(URI.create(custom.baseUrl() + "/rest/V1/products"))
                    .header("X-Test-Key", "letmein").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(200, status);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"24-MB01/blue", "Tee Shirt L", "A+B-01", "R&D-kit", "Größe-Ä-12", "日本-ティー"})
    void awkwardSkusWorkWhenPercentEncoded(String sku) {
        StoreClient.Answer answer = client.get("/rest/V1/products/" + StoreClient.encode(sku));
        assertEquals(200, answer.status(), answer.body());
        assertEquals(sku, answer.json().get("sku").asText());
    }

    @Test
    void plusInAPathIsAPlusNotASpace() {
        StoreClient.Answer answer = client.get("/rest/V1/products/A+B-01");
        assertEquals(200, answer.status());
        assertEquals("A+B-01", answer.json().get("sku").asText());
    }

    @Test
    void unencodedSlashSplitsTheSkuAndMatchesNoRoute() {
        assertEquals(404, client.get("/rest/V1/products/24-MB01/blue").status());
        assertEquals(NO_ROUTE, client.get("/rest/V1/products/24-MB01/blue").body());
    }

    @Test
    void skuLookupIsCaseInsensitiveLikeMySql() {
        assertEquals("R&D-kit", client.get("/rest/V1/products/" + StoreClient.encode("r&d-KIT")).json().get("sku").asText());
    }

    @Test
    void unknownSkuIs404WithMagentosMessage() {
        StoreClient.Answer answer = client.get("/rest/V1/products/NOPE-1");
        assertEquals(404, answer.status());
        assertEquals("{\"message\":\"The product that was requested doesn't exist. Verify the product and try again.\"}",
                answer.body());
    }

    @Test
    void jsonIsEscapedLikePhpJsonEncode() {
        String raw = client.get("/rest/V1/products/" + StoreClient.encode("24-MB01/blue")).body();
        assertTrue(raw.contains("\"sku\":\"24-MB01\\/blue\""), raw);
        String japanese = client.get("/rest/V1/products/" + StoreClient.encode("日本-ティー")).body();
        assertTrue(japanese.contains("\\u65e5\\u672c"), japanese);
    }

    @Test
    void requestLogRecordsEveryRequestIncludingFailures() {
        try (SandboxStore fresh = SandboxStore.start(SandboxOptions.builder().productCount(3).build())) {
            StoreClient freshClient = new StoreClient(fresh);
            freshClient.get("/rest/V1/products?searchCriteria%5BpageSize%5D=2&searchCriteria%5BcurrentPage%5D=1");
            new StoreClient(fresh).token(null).get("/rest/V1/products/" + StoreClient.encode("A+B-01"));
            assertEquals(2, fresh.requests().size());
            LoggedRequest ok = fresh.requests().all().get(0);
            assertEquals("GET", ok.method());
            assertEquals("/rest/V1/products", ok.path());
            assertEquals("2", ok.query().get("searchCriteria[pageSize]"));
            assertEquals("[searchCriteria[pageSize], searchCriteria[currentPage]]", ok.query().keySet().toString());
            assertEquals("Bearer sandbox-token", ok.headers().get("authorization"));
            assertEquals(200, ok.status());
            LoggedRequest refused = fresh.requests().matching("/V1/products/A%2BB-01").get(0);
            assertEquals(401, refused.status());
            fresh.requests().clear();
            assertEquals(0, fresh.requests().size());
        }
    }
}
