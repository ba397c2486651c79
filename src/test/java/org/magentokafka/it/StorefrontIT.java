package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.SandboxStorefront;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * Issue 14's "Done when", end to end: the packaged connector, configured by environment variables only, syncs a
 * two-website store (store view {@code default} of website {@code base}, USD; {@code eu} of {@code europe}, EUR)
 * into a real broker, and every storefront field of the events is what the simulator itself says: website
 * scoping, displayable, salable state of the website's stock, final prices in the view's currency, absolute URLs,
 * variants and parent SKUs. Then an order sells out a configurable's last salable child, and the child and the
 * parent are published again as not salable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorefrontIT {

    private static final int PRODUCTS = 160;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> WEBSITE = Map.of("default", "base", "eu", "europe");
    private static final Map<String, Integer> WEBSITE_ID = Map.of("default", 1, "eu", 2);
    private static final Map<String, String> CURRENCY = Map.of("default", "USD", "eu", "EUR");
    private static final Duration WAIT = Duration.ofSeconds(120);

    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;
    private static SandboxStorefront storefront;
    private static ConnectorProcess connector;
    /** store view -> SKU -> the last event's value after the first sync. */
    private static final Map<String, Map<String, JsonNode>> EVENTS = new LinkedHashMap<>();
    /** store view -> its store config, as the simulator answers GET /V1/store/storeConfigs. */
    private static final Map<String, JsonNode> CONFIGS = new HashMap<>();
    /** The configurable whose last salable child the order sells out, and that child. */
    private static String parent;
    private static String lastChild;

    @BeforeAll
    static void sync() throws Exception {
        environment = ConnectorEnvironment.builder()
                .storefrontCatalog(PRODUCTS)
                .topic("products", "storefront")
                .otherStreamsDisabled()
                // Scans at full speed (the fixture's MAGENTO_SCAN_BUDGET=0) and soon after each other: the order's
                // salable-quantity change is found within seconds.
                .pollInterval("2s")
                .start();
        store = environment.store();
        storefront = store.catalog().storefront();
        sellOutAllButOneChildOfAConfigurable();
        connector = environment.start("storefront");
        for (String view : WEBSITE.keySet()) {
            connector.awaitLine(Pattern.compile("magento:products synced \\d+ items in \\d+ pages from \\S*/rest/" + view + "/"), WAIT);
        }
        for (String view : List.of("default", "eu")) {
            EVENTS.put(view, LatestEvents.readCloudEvents(topic(view), expectedSkus(view).size(), WAIT, Duration.ofSeconds(3)));
        }
        for (JsonNode config : storeConfigs()) {
            CONFIGS.put(config.get("code").asText(), config);
        }
    }

    @Test
    @Order(1)
    void eachStoreViewsTopicHoldsExactlyItsWebsitesProducts() {
        for (String view : EVENTS.keySet()) {
            assertEquals(expectedSkus(view), new TreeSet<>(EVENTS.get(view).keySet()),
                    "store view " + view + " carries the products of website " + WEBSITE.get(view) + " only");
            assertTrue(EVENTS.get(view).values().stream().allMatch(e -> view.equals(e.get("store_code").asText())));
        }
        assertFalse(expectedSkus("default").equals(expectedSkus("eu")), "the catalog assigns products to one website or both");
    }

    @Test
    @Order(2)
    void everyProductCarriesDisplayableSalablePricesAndUrlsAsTheStoreHasThem() {
        for (String view : EVENTS.keySet()) {
            for (Map.Entry<String, JsonNode> e : EVENTS.get(view).entrySet()) {
                ObjectNode product = store.catalog().product(e.getKey()).orElseThrow();
                assertOwnFields(view, product, e.getValue(), "store view " + view + " product " + e.getKey() + ": " + e.getValue());
            }
        }
    }

    @Test
    @Order(3)
    void configurablesCarryTheirVariantsAndChildrenTheirParents() {
        int configurables = 0;
        for (String view : EVENTS.keySet()) {
            Map<String, List<String>> parents = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : EVENTS.get(view).entrySet()) {
                JsonNode event = e.getValue();
                ObjectNode product = store.catalog().product(e.getKey()).orElseThrow();
                if (!"configurable".equals(product.get("type_id").asText())) {
                    assertTrue(event.path("variants").isMissingNode() || event.get("variants").isNull(), "variants on configurables only: " + event);
                    continue;
                }
                configurables++;
                List<String> children = storefront.childSkus(e.getKey());
                children.forEach(child -> parents.computeIfAbsent(child, k -> new ArrayList<>()).add(e.getKey()));
                Set<String> variantSkus = new HashSet<>();
                for (JsonNode variant : event.get("variants")) {
                    String sku = variant.get("sku").asText();
                    variantSkus.add(sku);
                    ObjectNode child = store.catalog().product(sku).orElseThrow();
                    String where = "store view " + view + " variant " + sku + " of " + e.getKey() + ": " + variant;
                    assertEquals(child.get("id").asInt(), variant.get("id").asInt(), where);
                    assertEquals(optionLabels(child), JSON.convertValue(variant.get("options"), Map.class), where);
                    assertFalse(variant.get("displayable").asBoolean(), "children are not visible individually: " + where);
                    assertSalable(view, child, variant.get("salable"), where);
                    assertPrices(view, child, variant.get("prices"), where);
                }
                assertEquals(new HashSet<>(children), variantSkus, "a variant per child: " + e.getKey());
            }
            for (Map.Entry<String, JsonNode> e : EVENTS.get(view).entrySet()) {
                List<String> expected = parents.get(e.getKey());
                JsonNode actual = e.getValue().get("parent_skus");
                if (expected == null) {
                    assertTrue(actual == null || actual.isNull(), "parent_skus on children only: " + e.getValue());
                } else {
                    assertEquals(new TreeSet<>(expected), new TreeSet<>(JSON.convertValue(actual, List.class)), "store view " + view + " " + e.getKey());
                }
            }
        }
        assertTrue(configurables > 0, "the catalog has configurables");
    }

    @Test
    @Order(4)
    void aConfigurableIsSalableThroughItsEnabledChildrenAndItsStockFollows() {
        int salable = 0;
        for (String view : EVENTS.keySet()) {
            for (Map.Entry<String, JsonNode> e : EVENTS.get(view).entrySet()) {
                ObjectNode product = store.catalog().product(e.getKey()).orElseThrow();
                if ("configurable".equals(product.get("type_id").asText())) {
                    JsonNode s = e.getValue().get("salable");
                    boolean throughChildren = storefront.childSkus(e.getKey()).stream().anyMatch(c -> enabled(c) && storefront.isSalable(c, WEBSITE.get(view)));
                    assertEquals(throughChildren, s.get("is_salable").asBoolean(), view + " " + e.getKey() + ": " + s);
                    assertEquals(throughChildren, e.getValue().get("inventory").get("in_stock").asBoolean(),
                            "a configurable's in_stock follows is_salable: " + e.getValue().get("inventory"));
                    salable += throughChildren ? 1 : 0;
                }
            }
        }
        assertTrue(salable > 0, "some configurables are salable through their children");
    }

    @Test
    @Order(5)
    void anOrderSellingOutAConfigurablesLastSalableChildRepublishesTheChildAndTheParentAsNotSalable() {
        assertTrue(EVENTS.get("default").get(parent).get("salable").get("is_salable").asBoolean(), "salable before: " + parent);
        int before = TestKafka.read(topic("default"), Integer.MAX_VALUE, Duration.ofSeconds(5), Duration.ZERO).size();
        storefront.placeOrder(lastChild, "base", storefront.salableQuantity(lastChild, "base").orElseThrow());
        assertFalse(storefront.isSalable(parent, "base"), "the order sold out " + parent + "'s last salable child " + lastChild);

        Map<String, JsonNode> republished = new HashMap<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (republished.size() < 2 && System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> all = TestKafka.read(topic("default"), before + 2, Duration.ofSeconds(10), Duration.ofSeconds(1));
            for (ConsumerRecord<String, String> r : all.subList(Math.min(before, all.size()), all.size())) {
                if (r.value() != null && (r.key().equals(parent) || r.key().equals(lastChild))) {
                    republished.put(r.key(), Records.json(r));
                }
            }
        }
        assertEquals(Set.of(parent, lastChild), republished.keySet(), "the child and its parent published again");
        for (JsonNode event : republished.values()) {
            assertFalse(event.get("salable").get("is_salable").asBoolean(), event.toString());
        }
        assertEquals(0.0, republished.get(lastChild).get("salable").get("quantity").asDouble(), 1e-9);
    }

    // ------------------------------------------------------------------------------------------------ expectations

    private static void assertOwnFields(String view, ObjectNode product, JsonNode event, String where) {
        String sku = product.get("sku").asText();
        Optional<Double> finalPrice = storefront.finalPrice(sku, view);
        int visibility = product.path("visibility").asInt();
        boolean displayable = product.get("status").asInt() == 1 && visibility >= 2 && visibility <= 4 && finalPrice.isPresent();
        assertEquals(displayable, event.get("displayable").asBoolean(), "displayable: " + where);
        assertSalable(view, product, event.get("salable"), where);
        assertPrices(view, product, event.get("prices"), where);
        JsonNode urls = event.get("urls");
        assertNotNull(urls, where);
        String linkBase = CONFIGS.get(view).get("secure_base_link_url").asText();
        String mediaBase = CONFIGS.get(view).get("secure_base_media_url").asText();
        assertTrue(urls.get("product").asText().startsWith(linkBase), "the product URL is absolute, under " + linkBase + ": " + where);
        Set<String> images = new HashSet<>();
        urls.get("images").forEach(i -> images.add(i.get("url").asText()));
        Set<String> expected = new HashSet<>();
        product.path("media_gallery_entries").forEach(m -> expected.add(mediaBase + "catalog/product" + m.get("file").asText()));
        assertEquals(expected, images, "image URLs: " + where);
    }

    private static void assertSalable(String view, ObjectNode product, JsonNode salable, String where) {
        String sku = product.get("sku").asText();
        String website = WEBSITE.get(view);
        assertNotNull(salable, "salable: " + where);
        assertEquals(storefront.stockId(website), salable.get("stock_id").asInt(), "the website's stock: " + where);
        assertEquals(storefront.isSalable(sku, website), salable.get("is_salable").asBoolean(), "is_salable: " + where);
        double quantity = "configurable".equals(product.get("type_id").asText())
                ? storefront.childSkus(sku).stream().filter(StorefrontIT::enabled)
                        .mapToDouble(c -> storefront.salableQuantity(c, website).orElse(0.0)).sum()
                : storefront.salableQuantity(sku, website).orElseThrow();
        assertEquals(quantity, salable.get("quantity").asDouble(), 1e-6, "salable quantity: " + where);
    }

    private static void assertPrices(String view, ObjectNode product, JsonNode prices, String where) {
        Optional<Double> finalPrice = storefront.finalPrice(product.get("sku").asText(), view);
        if (finalPrice.isEmpty()) {
            assertTrue(prices == null || prices.isNull(), "not in the website's price index: prices null: " + where);
            return;
        }
        assertEquals(CURRENCY.get(view), prices.get("currency").asText(), "currency: " + where);
        assertEquals(finalPrice.get(), prices.get("final").asDouble(), 1e-6, "final price: " + where);
    }

    /** The child's option labels by attribute code, as the store's attribute metadata labels them. */
    private static Map<String, String> optionLabels(ObjectNode child) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String code : List.of("color", "size")) {
            String value = null;
            for (JsonNode a : child.path("custom_attributes")) {
                if (code.equals(a.get("attribute_code").asText())) {
                    value = a.get("value").asText();
                }
            }
            for (ObjectNode attribute : store.catalog().attributes()) {
                if (code.equals(attribute.get("attribute_code").asText())) {
                    for (JsonNode option : attribute.path("options")) {
                        if (option.get("value").asText().equals(value)) {
                            labels.put(code, option.get("label").asText());
                        }
                    }
                }
            }
        }
        return labels;
    }

    private static boolean enabled(String sku) {
        return store.catalog().product(sku).map(p -> p.get("status").asInt() == 1).orElse(false);
    }

    private static Set<String> expectedSkus(String view) {
        Set<String> skus = new TreeSet<>();
        for (ObjectNode p : store.catalog().products()) {
            for (JsonNode id : p.path("extension_attributes").path("website_ids")) {
                if (id.asInt() == WEBSITE_ID.get(view)) {
                    skus.add(p.get("sku").asText());
                }
            }
        }
        return skus;
    }

    private static String topic(String view) {
        return "default".equals(view) ? environment.topic("products") : environment.topic("products") + "." + view;
    }

    /**
     * Picks a configurable of website base, visible and enabled, salable through at least one enabled child, and
     * sells out all its salable children but the last before the connector starts: the test's order then sells
     * out that last one.
     */
    private static void sellOutAllButOneChildOfAConfigurable() {
        for (ObjectNode p : store.catalog().products()) {
            String sku = p.get("sku").asText();
            boolean inBase = false;
            for (JsonNode id : p.path("extension_attributes").path("website_ids")) {
                inBase |= id.asInt() == 1;
            }
            if (!"configurable".equals(p.get("type_id").asText()) || !inBase || p.get("status").asInt() != 1) {
                continue;
            }
            List<String> salable = storefront.childSkus(sku).stream().filter(c -> enabled(c) && storefront.isSalable(c, "base")).toList();
            if (salable.size() >= 2) {
                for (String child : salable.subList(0, salable.size() - 1)) {
                    storefront.placeOrder(child, "base", storefront.salableQuantity(child, "base").orElseThrow());
                }
                parent = sku;
                lastChild = salable.get(salable.size() - 1);
                return;
            }
        }
        throw new AssertionError("no configurable of website base with two salable children in the generated catalog");
    }

    private static JsonNode storeConfigs() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(store.baseUrl() + "/rest/V1/store/storeConfigs"))
                .header("Authorization", "Bearer " + store.options().accessToken()).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
