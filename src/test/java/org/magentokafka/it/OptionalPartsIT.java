package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.AclResources;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.SandboxCredentials;

/**
 * Any store, any grants: the packaged connector against stores common in the field that refuse or lack the
 * storefront look-ups (an integration created as a site-search vendor's setup guide lists its grants; store routes
 * refused; the inventory modules switched off; a grant added while it runs). The core streams publish everything
 * they can, the events list what they do not know and why, the log names each missing grant once.
 */
class OptionalPartsIT {

    /** Generated products; the storefront catalog adds configurables' children to them. */
    private static final int PRODUCTS = 40;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final String STORE_GRANT = "not granted: Magento_Backend::store";
    private static final String STOCK_GRANT = "not granted: Magento_InventoryApi::stock";

    @Test
    void theSetupGuidesGrantsPublishEveryProductWithItsCorePartsAndSayWhatIsUnknown() {
        try (ConnectorEnvironment environment = environment(SandboxOptions.SETUP_GUIDE_RESOURCES, StorefrontOptions.full())
                .otherStreamsOnTheirOwnTopics().withoutStoreToken().start()) {
            SandboxStore store = environment.store();
            ConnectorProcess connector = environment.start("setup-guide", SandboxCredentials.oauth1(store, "HMAC-SHA256"));
            connector.awaitLine(Pattern.compile("magento:products synced \\d+ items"), WAIT);
            Map<String, JsonNode> events = LatestEvents.readCloudEvents(environment.topic("products"), store.catalog().productCount(), WAIT, SETTLE);
            assertEquals(skus(store), events.keySet(), "every product the store view lists, none scoped out on a guess");
            for (Map.Entry<String, JsonNode> e : events.entrySet()) {
                JsonNode event = e.getValue();
                ObjectNode product = store.catalog().product(e.getKey()).orElseThrow();
                String where = e.getKey() + ": " + event;
                assertTrue(event.get("inventory").isObject(), "per-source inventory (the sources grant exists): " + where);
                assertEquals(sources(store, e.getKey()), event.get("inventory").get("sources").size(), where);
                assertTrue(event.get("categories").isArray(), "category paths: " + where);
                if (!categoryIds(product).isEmpty()) {
                    assertFalse(event.get("categories").isEmpty(), where);
                }
                for (String part : List.of("displayable", "salable", "prices", "urls")) {
                    assertTrue(event.get(part).isNull(), part + " unknown, not false: " + where);
                }
                JsonNode unknown = event.get("unknown");
                for (String part : List.of("website", "displayable", "prices", "urls")) {
                    assertEquals(STORE_GRANT, unknown.path(part).asText(), where);
                }
                assertEquals(STOCK_GRANT, unknown.path("salable").asText(), where);
                assertFalse(unknown.has("inventory") || unknown.has("labels") || unknown.has("categories"), where);
                if ("configurable".equals(product.get("type_id").asText())) {
                    assertFalse(event.get("variants").isEmpty(), "variants need only the products grant: " + where);
                }
            }
            assertTrue(events.values().stream().anyMatch(OptionalPartsIT::hasOptionLabel), "option labels resolved");
            assertEquals(store.catalog().cmsPages().size(), LatestEvents.readCloudEvents(environment.topic("cms-pages"), store.catalog().cmsPages().size(), WAIT, SETTLE).size());
            assertEquals(store.catalog().sourceItems().size(), LatestEvents.readCloudEvents(environment.topic("source-items"), store.catalog().sourceItems().size(), WAIT, SETTLE).size());
            assertFalse(LatestEvents.readCloudEvents(environment.topic("categories"), 1, WAIT, SETTLE).isEmpty());
            assertFalse(LatestEvents.readCloudEvents(environment.topic("product-attributes"), 1, WAIT, SETTLE).isEmpty());

            List<String> grantLines = connector.lines().stream()
                    .filter(l -> l.contains("Magento_Backend::store") || l.contains("Magento_InventoryApi::stock")).toList();
            assertTrue(grantLines.size() <= 2, "the two missing grants in at most two lines: " + grantLines);
            assertTrue(grantLines.stream().anyMatch(l -> l.contains("Stores > Settings > All Stores (Magento_Backend::store)")), grantLines.toString());
            assertTrue(grantLines.stream().anyMatch(l -> l.contains("Stores > Inventory > Stocks (Magento_InventoryApi::stock)")), grantLines.toString());
            assertEquals(0, connector.count(Pattern.compile("poll failed")), connector.output());
            assertNoStackTrace(connector);

            int port = connector.httpPort(WAIT);
            String metrics = get(port, "/q/metrics");
            assertTrue(metrics.matches("(?s).*magento_enrichment_available\\{part=\"salable\",store=\"default\"\\} 0\\.0.*")
                       && metrics.matches("(?s).*magento_enrichment_available\\{part=\"variants\",store=\"default\"\\} 1\\.0.*"),
                    "a gauge per part and store view: " + metrics.lines().filter(l -> l.contains("enrichment")).toList());
            String ready = get(port, "/q/health/ready");
            assertTrue(ready.contains("\"unknown.default.salable\"") && ready.contains(STOCK_GRANT), ready);
        }
    }

    private static String get(int port, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    @Test
    void storeRoutesRefusedLeaveTheWebsiteUnknownAndTheCheckPasses() {
        Set<String> granted = new HashSet<>(SandboxOptions.ALL_CATALOG_RESOURCES);
        granted.remove(AclResources.STORE);
        try (ConnectorEnvironment environment = environment(granted, StorefrontOptions.full()).start()) {
            ConnectorProcess check = environment.start("store-refused-check", "--check");
            assertEquals(0, check.awaitExit(WAIT), "a missing optional part is not a failed check: " + check.output());
            assertTrue(check.output().contains("OPTIONAL") && check.output().contains("Magento_Backend::store"), check.output());

            ConnectorProcess connector = environment.start("store-refused");
            connector.awaitLine(Pattern.compile("magento:products synced \\d+ items"), WAIT);
            Map<String, JsonNode> events = LatestEvents.readCloudEvents(environment.topic("products"), environment.store().catalog().productCount(), WAIT, SETTLE);
            assertEquals(skus(environment.store()), events.keySet());
            for (JsonNode event : events.values()) {
                assertEquals(STORE_GRANT, event.path("unknown").path("website").asText(), event.toString());
                assertEquals(STORE_GRANT, event.path("unknown").path("salable").asText(),
                        "the stock is granted, but whose website's stock is unknown: " + event);
            }
            assertNoStackTrace(connector);
        }
    }

    @Test
    void withoutTheInventoryModulesSalableFallsBackToSourceItemsAndTheCheckPasses() {
        try (ConnectorEnvironment environment = environment(SandboxOptions.ALL_CATALOG_RESOURCES,
                StorefrontOptions.full().withInventoryModules(false)).start()) {
            ConnectorProcess check = environment.start("no-msi-check", "--check");
            assertEquals(0, check.awaitExit(WAIT), check.output());
            assertTrue(check.output().contains("OPTIONAL"), "the missing module is listed: " + check.output());

            ConnectorProcess connector = environment.start("no-msi");
            connector.awaitLine(Pattern.compile("magento:products synced \\d+ items"), WAIT);
            Map<String, JsonNode> events = LatestEvents.readCloudEvents(environment.topic("products"), 1, WAIT, SETTLE);
            assertFalse(events.isEmpty());
            for (JsonNode event : events.values()) {
                assertTrue(event.get("salable").isObject(), "salable from the source items: " + event);
                assertTrue(event.get("salable").get("stock_id").isNull(), event.toString());
                assertFalse(event.has("unknown"), "the fallback is documented, nothing unknown: " + event);
            }
            assertNoStackTrace(connector);
        }
    }

    @Test
    void aStockGrantAddedWhileRunningRepublishesTheProductsWithSalable() {
        Set<String> granted = new HashSet<>(SandboxOptions.ALL_CATALOG_RESOURCES);
        granted.remove(AclResources.INVENTORY_STOCK);
        try (ConnectorEnvironment environment = environment(granted, StorefrontOptions.full())
                .env("MAGENTO_METADATA_REFRESH", "2s").pollInterval("1s").start()) {
            SandboxStore store = environment.store();
            ConnectorProcess connector = environment.start("grant-added");
            connector.awaitLine(Pattern.compile("magento:products synced \\d+ items"), WAIT);
            String topic = environment.topic("products");
            Map<String, JsonNode> before = LatestEvents.readCloudEvents(topic, 1, WAIT, SETTLE);
            assertFalse(before.isEmpty());
            before.values().forEach(e -> assertEquals(STOCK_GRANT, e.path("unknown").path("salable").asText(), e.toString()));

            store.grant(AclResources.INVENTORY_STOCK);
            connector.awaitLine(Pattern.compile("salable available again"), WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            Map<String, JsonNode> after;
            do {
                after = LatestEvents.readCloudEvents(topic, before.size(), WAIT, SETTLE);
                assertTrue(System.nanoTime() < deadline, "not re-published with salable:\n" + connector.output());
            } while (!after.keySet().equals(before.keySet()) || after.values().stream().anyMatch(e -> !e.get("salable").isObject()));
            int stock = store.catalog().storefront().stockId("base");
            for (Map.Entry<String, JsonNode> e : after.entrySet()) {
                assertEquals(stock, e.getValue().get("salable").get("stock_id").asInt(), "the website's stock: " + e);
                assertFalse(e.getValue().has("unknown"), e.toString());
            }
            assertNoStackTrace(connector);
        }
    }

    private static ConnectorEnvironment.Builder environment(Set<String> granted, StorefrontOptions storefront) {
        return ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default"))
                        .storefront(storefront).grantedResources(granted).build())
                .topic("products", "optional").otherStreamsDisabled();
    }

    private static Set<String> skus(SandboxStore store) {
        Set<String> skus = new TreeSet<>();
        store.catalog().products().forEach(p -> skus.add(p.get("sku").asText()));
        return skus;
    }

    private static long sources(SandboxStore store, String sku) {
        return store.catalog().sourceItems().stream().filter(i -> sku.equals(i.get("sku").asText())).count();
    }

    private static Set<String> categoryIds(ObjectNode product) {
        Set<String> ids = new HashSet<>();
        product.path("extension_attributes").path("category_links").forEach(l -> ids.add(l.path("category_id").asText()));
        return ids;
    }

    /** An attribute value shown with its option's label (the attribute metadata was readable). */
    private static boolean hasOptionLabel(JsonNode event) {
        for (JsonNode attribute : event.path("attributes")) {
            if (attribute.path("value_label").isTextual()) {
                return true;
            }
        }
        return false;
    }

    private static void assertNoStackTrace(ConnectorProcess connector) {
        assertTrue(connector.lines().stream().noneMatch(l -> l.startsWith("\tat ") || l.matches("^\\s+at [\\w.$]+\\(.*")),
                "no stack trace:\n" + connector.output());
    }
}
