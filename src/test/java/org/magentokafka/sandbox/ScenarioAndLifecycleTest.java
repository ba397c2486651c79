package org.magentokafka.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioAndLifecycleTest {

    private static SandboxStore store;
    private static StoreClient client;

    @BeforeAll
    static void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(20).build());
        client = new StoreClient(store);
    }

    @AfterEach
    void normal() {
        store.setScenario(Scenario.NORMAL);
        store.restart();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void maintenanceIsAnHtml503BeforeAuth() {
        store.setScenario(Scenario.MAINTENANCE_HTML_503);
        StoreClient.Answer answer = new StoreClient(store).token(null).get("/rest/V1/products");
        assertEquals(503, answer.status());
        assertTrue(answer.contentType().startsWith("text/html"));
        assertTrue(answer.body().contains("Service Temporarily Unavailable"));
    }

    @Test
    void wafBlockIsAnHtml403() {
        store.setScenario(Scenario.WAF_HTML_403);
        StoreClient.Answer answer = client.get("/rest/V1/products");
        assertEquals(403, answer.status());
        assertTrue(answer.contentType().startsWith("text/html"));
        assertTrue(answer.body().contains("Cloudflare"));
    }

    @Test
    void wrongStoreUrlIsAWebServer404ForEveryPath() {
        store.setScenario(Scenario.NOT_FOUND_ALL);
        for (String path : new String[] {"/rest/V1/products", "/index.php/rest/V1/categories", "/"}) {
            StoreClient.Answer answer = client.get(path);
            assertEquals(404, answer.status(), path);
            assertTrue(answer.contentType().startsWith("text/html"));
            assertTrue(answer.body().contains("404 Not Found"));
        }
    }

    @Test
    void emptyCatalogAnswersSuccessfullyWithNothing() {
        store.setScenario(Scenario.EMPTY_CATALOG);
        for (String path : new String[] {"/rest/V1/products", "/rest/V1/cmsPage/search", "/rest/V1/inventory/source-items"}) {
            StoreClient.Answer answer = client.get(path + "?searchCriteria%5BpageSize%5D=10");
            assertEquals(200, answer.status(), path);
            assertEquals(0, answer.json().get("total_count").asInt(), path);
            assertEquals(0, answer.json().get("items").size(), path);
        }
        assertEquals(0, client.get("/rest/V1/categories").json().get("children_data").size());
        assertEquals(404, client.get("/rest/V1/products/A%2BB-01").status());
        assertEquals(401, new StoreClient(store).token(null).get("/rest/V1/products").status(), "still authenticated");
    }

    @Test
    void internalErrorIsMaskedWithAReportId() {
        store.setScenario(Scenario.INTERNAL_ERROR_500);
        StoreClient.Answer answer = client.get("/rest/V1/products");
        assertEquals(500, answer.status());
        assertTrue(answer.json().get("message").asText()
                .matches("Internal Error\\. Details are available in Magento log file\\. Report ID: webapi-[0-9a-f]{13}"),
                answer.body());
    }

    @Test
    void stopRefusesConnectionsAndRestartListensOnTheSamePortWithTheSameData() {
        int port = store.port();
        store.catalog().updateProduct("A+B-01", p -> p.put("name", "Kept across restarts"));
        store.stop();
        IOException failure = client.failure("/rest/V1/products");
        assertNotNull(failure, "a stopped store must not answer");
        assertInstanceOf(ConnectException.class, failure);
        store.restart();
        assertEquals(port, store.port());
        StoreClient.Answer answer = client.get("/rest/V1/products/A%2BB-01");
        assertEquals(200, answer.status());
        assertEquals("Kept across restarts", answer.json().get("name").asText());
    }

    @Test
    void latencyDelaysEveryAnswer() {
        try (SandboxStore slow = SandboxStore.start(SandboxOptions.builder().productCount(1).latencyMillis(300).build())) {
            long start = System.nanoTime();
            assertEquals(200, new StoreClient(slow).get("/rest/V1/products").status());
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 300);
        }
    }

    @Test
    void standaloneSettingsAreParsed() {
        SandboxOptions options = SandboxMain.parse(new String[] {"--port=0", "--products=5", "--seed=9", "token=abc"});
        assertEquals(5, options.productCount());
        assertEquals(9, options.seed());
        assertEquals("abc", options.accessToken());
    }
}
