package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.magentokafka.sandbox.StoreClient.concat;
import static org.magentokafka.sandbox.StoreClient.filter;
import static org.magentokafka.sandbox.StoreClient.query;

/** The storefront side of the simulator: websites, salable stock with orders, configurables, render-info. */
class StorefrontSimulationTest {

    /** A clock the test moves: special-price windows open and close without anyone editing the product. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-03-01T18:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final MovableClock clock = new MovableClock();
    private SandboxStore store;
    private StoreClient client;
    private SandboxStorefront storefront;

    @BeforeEach
    void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(200).clock(clock)
                .storefront(StorefrontOptions.full()).build());
        client = new StoreClient(store);
        storefront = store.catalog().storefront();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private JsonNode ok(String pathAndQuery) {
        StoreClient.Answer answer = client.get(pathAndQuery);
        assertEquals(200, answer.status(), pathAndQuery + " → " + answer.body());
        return answer.json();
    }

    private JsonNode salable(String website, String... skus) {
        JsonNode answer = ok("/rest/V1/inventory/export-stock-salable-qty/website/" + website
                + query(filter(0, 0, "sku", String.join(",", skus), "in")));
        assertEquals(skus.length, answer.get("items").size(), answer.toString());
        return answer.get("items");
    }

    private JsonNode renderInfo(String storeCode, List<Integer> ids) {
        StoreView view = store.catalog().storeViews().byCode(storeCode).orElseThrow();
        String ids0 = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        StoreClient.Answer answer = new StoreClient(store).token(null).get("/rest/V1/products-render-info"
                + query(concat(new String[] {"storeId", String.valueOf(view.id()), "currencyCode", view.currency()},
                        filter(0, 0, "entity_id", ids0, "in"))));
        assertEquals(200, answer.status(), "render-info is anonymous: " + answer.body());
        return answer.json().get("items");
    }

    /** The first product matching: simple, enabled, in exactly these websites, salable in the first with quantity > min. */
    private JsonNode simple(List<Integer> websites, double minimumQuantity) {
        for (JsonNode p : store.catalog().products()) {
            List<Integer> ids = new ArrayList<>();
            p.get("extension_attributes").get("website_ids").forEach(id -> ids.add(id.asInt()));
            String website = websites.get(0) == 1 ? Website.BASE : Website.EUROPE;
            if ("simple".equals(p.get("type_id").asText()) && p.get("status").asInt() == 1 && ids.equals(websites)
                && p.get("visibility").asInt() == 4
                && storefront.salableQuantity(p.get("sku").asText(), website).orElse(0.0) > minimumQuantity) {
                return p;
            }
        }
        throw new AssertionError("no such simple product in the generated catalog");
    }

    private JsonNode configurableWithSalableChildren() {
        for (JsonNode p : store.catalog().products()) {
            if ("configurable".equals(p.get("type_id").asText()) && p.get("status").asInt() == 1
                && storefront.isSalable(p.get("sku").asText(), Website.BASE)) {
                return p;
            }
        }
        throw new AssertionError("no salable configurable");
    }

    @Test
    void orderLowersSalableQuantityWithoutTouchingSourceItems() {
        String sku = simple(List.of(1, 2), 3).get("sku").asText();
        String path = "/rest/V1/products/" + StoreClient.encode(sku);
        String updatedAt = ok(path).get("updated_at").asText();
        String sourceItems = ok("/rest/V1/inventory/source-items" + query(filter(0, 0, "sku", sku, "eq"))).get("items").toString();
        double before = salable(Website.BASE, sku).get(0).get("qty").asDouble();
        double europeBefore = salable(Website.EUROPE, sku).get(0).get("qty").asDouble();

        storefront.placeOrder(sku, Website.BASE, 2);

        assertEquals(before - 2, salable(Website.BASE, sku).get(0).get("qty").asDouble());
        assertEquals(europeBefore, salable(Website.EUROPE, sku).get(0).get("qty").asDouble(), "the other website's stock");
        assertEquals(-2.0, storefront.reservedQuantity(sku, Website.BASE));
        assertEquals(updatedAt, ok(path).get("updated_at").asText(), "an order does not bump updated_at");
        assertEquals(sourceItems, ok("/rest/V1/inventory/source-items" + query(filter(0, 0, "sku", sku, "eq"))).get("items").toString());
    }

    /**
     * dump-stock-index-data answers the website's whole stock index in one response, from the index table: the
     * sources' quantities without reservations, so an order does not move {@code qty} (the salable quantity moves),
     * while the index's salable flag turns false when an order sells the product out.
     */
    @Test
    void theStockIndexDumpIsTheWholeWebsiteInOneAnswerWithoutReservations() {
        String sku = simple(List.of(1, 2), 3).get("sku").asText();
        JsonNode dump = ok("/rest/V1/inventory/dump-stock-index-data/website/" + Website.BASE);
        assertTrue(dump.isArray(), dump.toString());
        long inBase = store.catalog().products().stream().filter(p -> {
            for (JsonNode id : p.path("extension_attributes").path("website_ids")) {
                if (id.asInt() == 1) {
                    return true;
                }
            }
            return false;
        }).count();
        assertEquals(inBase, dump.size(), "every product of the website, in one answer");
        double indexed = rowOf(dump, sku).get("qty").asDouble();

        storefront.placeOrder(sku, Website.BASE, 2);

        JsonNode after = ok("/rest/V1/inventory/dump-stock-index-data/website/" + Website.BASE);
        assertEquals(indexed, rowOf(after, sku).get("qty").asDouble(), "the index has no reservations");
        assertEquals(indexed - 2, salable(Website.BASE, sku).get(0).get("qty").asDouble(), "the salable quantity has");
        assertTrue(rowOf(after, sku).get("is_salable").asBoolean());

        storefront.placeOrder(sku, Website.BASE, salable(Website.BASE, sku).get(0).get("qty").asDouble());
        JsonNode soldOut = rowOf(ok("/rest/V1/inventory/dump-stock-index-data/website/" + Website.BASE), sku);
        assertEquals(indexed, soldOut.get("qty").asDouble(), "still the sources' quantity");
        assertFalse(soldOut.get("is_salable").asBoolean(), "sold out: the index's flag follows the reservations");
        assertEquals(404, client.get("/rest/V1/inventory/dump-stock-index-data/store/default").status());
        assertEquals(404, client.get("/rest/V1/inventory/dump-stock-index-data/website/nowhere").status());
    }

    private static JsonNode rowOf(JsonNode dump, String sku) {
        for (JsonNode row : dump) {
            if (row.get("sku").asText().equals(sku)) {
                return row;
            }
        }
        throw new AssertionError(sku + " is not in the dump");
    }

    @Test
    void configurableParentAnswersZeroSalableQuantity() {
        JsonNode parent = configurableWithSalableChildren();
        String sku = parent.get("sku").asText();
        JsonNode answer = salable(Website.BASE, sku).get(0);
        assertEquals(0.0, answer.get("qty").asDouble());
        assertTrue(answer.get("is_salable").asBoolean(), "salable through a child");
        assertTrue(store.catalog().sourceItems().stream().noneMatch(i -> i.get("sku").asText().equals(sku)), "no source items");

        for (String child : storefront.childSkus(sku)) {
            storefront.salableQuantity(child, Website.BASE).filter(q -> q > 0).ifPresent(q -> storefront.placeOrder(child, Website.BASE, q));
        }
        assertFalse(salable(Website.BASE, sku).get(0).get("is_salable").asBoolean(), "every child sold out");
    }

    @Test
    void configurableChildrenAreFoundByEntityIdInWithTheirOptions() {
        JsonNode parent = configurableWithSalableChildren();
        JsonNode extension = parent.get("extension_attributes");
        List<Integer> ids = new ArrayList<>();
        extension.get("configurable_product_links").forEach(id -> ids.add(id.asInt()));
        assertEquals(4, ids.size());
        assertEquals(List.of("93", "144"), List.of(extension.get("configurable_product_options").get(0).get("attribute_id").asText(),
                extension.get("configurable_product_options").get(1).get("attribute_id").asText()));
        JsonNode children = ok("/rest/V1/products" + query(concat(filter(0, 0, "entity_id",
                ids.stream().map(String::valueOf).collect(Collectors.joining(",")), "in"),
                new String[] {"searchCriteria[pageSize]", "100"}))).get("items");
        assertEquals(4, children.size());
        for (JsonNode child : children) {
            assertEquals(1, child.get("visibility").asInt(), "Not Visible Individually");
            assertNotNull(SandboxStorefront.customAttribute(child, "color"));
            assertNotNull(SandboxStorefront.customAttribute(child, "size"));
        }
        assertEquals(4, ok("/rest/V1/configurable-products/" + StoreClient.encode(parent.get("sku").asText()) + "/children").size());
        assertEquals("Size", ok("/rest/V1/products/attributes/size").get("default_frontend_label").asText());
    }

    @Test
    void renderInfoAppliesSpecialPriceInsideItsWindow() {
        JsonNode product = simple(List.of(1, 2), 0);
        String sku = product.get("sku").asText();
        int id = product.get("id").asInt();
        double regular = product.get("price").asDouble();
        double special = Math.round(regular * 50) / 100.0;
        storefront.setSpecialPrice(sku, special, LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-20"));

        clock.now = Instant.parse("2026-03-09T18:00:00Z");
        assertEquals(regular, renderInfo("default", List.of(id)).get(0).get("price_info").get("final_price").asDouble());
        clock.now = Instant.parse("2026-03-10T18:00:00Z");
        JsonNode inside = renderInfo("default", List.of(id)).get(0).get("price_info");
        assertEquals(special, inside.get("final_price").asDouble());
        assertEquals(regular, inside.get("regular_price").asDouble());
        assertEquals(special, storefront.finalPrice(sku, "default").orElseThrow());
        clock.now = Instant.parse("2026-03-21T18:00:00Z");
        assertEquals(regular, renderInfo("default", List.of(id)).get(0).get("price_info").get("final_price").asDouble(),
                "after the last day of the window");
    }

    @Test
    void configurableRenderInfoSpansItsEnabledSalableChildren() {
        JsonNode parent = configurableWithSalableChildren();
        int id = parent.get("id").asInt();
        List<Double> prices = new ArrayList<>();
        for (String child : storefront.childSkus(parent.get("sku").asText())) {
            JsonNode node = store.catalog().product(child).orElseThrow();
            if (node.get("status").asInt() == 1 && storefront.isSalable(child, Website.BASE)) {
                prices.add(node.get("price").asDouble());
            }
        }
        JsonNode info = renderInfo("default", List.of(id)).get(0).get("price_info");
        assertEquals(prices.stream().min(Double::compare).orElseThrow(), info.get("minimal_price").asDouble());
        assertEquals(prices.stream().max(Double::compare).orElseThrow(), info.get("max_price").asDouble());
        assertEquals(info.get("minimal_price"), info.get("final_price"));

        for (String child : storefront.childSkus(parent.get("sku").asText())) {
            storefront.salableQuantity(child, Website.BASE).filter(q -> q > 0).ifPresent(q -> storefront.placeOrder(child, Website.BASE, q));
        }
        assertEquals(List.of(), idsOf(renderInfo("default", List.of(id))), "sold out: out of the price index");
    }

    @Test
    void renderInfoGivesAbsoluteUrlsAndTheDisplayCurrency() {
        JsonNode product = simple(List.of(1, 2), 0);
        String urlKey = SandboxStorefront.customAttribute(product, "url_key");
        JsonNode base = renderInfo("default", List.of(product.get("id").asInt())).get(0);
        assertEquals(store.baseUrl() + "/" + urlKey + ".html", base.get("url").asText());
        assertEquals("USD", base.get("currency_code").asText());
        JsonNode europe = renderInfo(StoreViews.EUROPE_VIEW, List.of(product.get("id").asInt())).get(0);
        assertEquals(store.baseUrl() + "/eu/" + urlKey + ".html", europe.get("url").asText());
        assertEquals("EUR", europe.get("currency_code").asText());
    }

    @Test
    void productOfOtherWebsiteIsAbsentFromRenderInfo() {
        JsonNode europeOnly = simple(List.of(2), 0);
        JsonNode both = simple(List.of(1, 2), 0);
        List<Integer> ids = List.of(europeOnly.get("id").asInt(), both.get("id").asInt());
        JsonNode main = renderInfo("default", ids);
        assertEquals(List.of(both.get("id").asInt()), idsOf(main));
        assertEquals(ids.stream().sorted().toList(), idsOf(renderInfo(StoreViews.EUROPE_VIEW, ids)));

        store.catalog().updateProduct(both.get("sku").asText(), p -> p.put("status", 2));
        assertEquals(List.of(), idsOf(renderInfo("default", ids)), "a disabled product is absent too");
    }

    @Test
    void movingAProductOutOfAWebsiteChangesItsWebsiteIdsAndUpdatedAt() {
        JsonNode both = simple(List.of(1, 2), 0);
        String sku = both.get("sku").asText();
        String before = both.get("updated_at").asText();
        clock.now = clock.now.plusSeconds(60);

        assertTrue(storefront.setWebsites(sku, Website.BASE));
        JsonNode listed = ok("/rest/V1/products/" + sku);
        assertEquals("[1]", listed.get("extension_attributes").get("website_ids").toString());
        assertFalse(before.equals(listed.get("updated_at").asText()), "saved like an admin save: updated_at moves");
        assertEquals(List.of(Website.BASE), storefront.websitesOf(sku));
        assertEquals(List.of(), idsOf(renderInfo(StoreViews.EUROPE_VIEW, List.of(both.get("id").asInt()))),
                "out of the website's price index");

        assertTrue(storefront.setWebsites(sku, Website.BASE, Website.EUROPE));
        assertEquals(List.of(Website.BASE, Website.EUROPE), storefront.websitesOf(sku));
        assertFalse(storefront.setWebsites("no-such-sku", Website.BASE));
    }

    @Test
    void exportStopsAtTheFirstShortPageWhileTotalCountIsCapped() {
        int pageSize = 50;
        List<String> skus = new ArrayList<>();
        for (int page = 1; page < 100; page++) {
            JsonNode answer = ok("/rest/V1/inventory/export-stock-salable-qty/website/base"
                    + query("searchCriteria[pageSize]", String.valueOf(pageSize), "searchCriteria[currentPage]", String.valueOf(page)));
            assertTrue(answer.get("total_count").asInt() <= pageSize, "capped like stores before 2.4.9");
            answer.get("items").forEach(i -> skus.add(i.get("sku").asText()));
            if (answer.get("items").size() < pageSize) {
                break;
            }
        }
        long inWebsite = store.catalog().products().stream()
                .filter(p -> p.get("extension_attributes").get("website_ids").toString().contains("1")).count();
        assertEquals(inWebsite, skus.size());
        assertEquals(inWebsite, skus.stream().distinct().count());
    }

    @Test
    void websitesStoresAndStocksDescribeTwoWebsites() {
        assertEquals(List.of("admin", "base", "europe"), textsOf(ok("/rest/V1/store/websites"), "code"));
        JsonNode configs = ok("/rest/V1/store/storeConfigs");
        JsonNode eu = configs.get(configs.size() - 1);
        assertEquals(List.of("eu", 2, "EUR", store.baseUrl() + "/eu/"), List.of(eu.get("code").asText(),
                eu.get("website_id").asInt(), eu.get("base_currency_code").asText(), eu.get("secure_base_link_url").asText()));
        assertEquals(2, ok("/rest/V1/inventory/stock-resolver/website/europe").get("stock_id").asInt());
        assertEquals(1, ok("/rest/V1/inventory/stock-resolver/website/base").get("stock_id").asInt());
        assertEquals(404, client.get("/rest/V1/inventory/stock-resolver/website/nowhere").status());
    }

    @Test
    void storeWithoutInventoryModulesAnswers404() {
        try (SandboxStore plain = SandboxStore.start(SandboxOptions.builder().productCount(10)
                .storefront(StorefrontOptions.defaults().withInventoryModules(false).withRenderInfo(false)).build())) {
            StoreClient c = new StoreClient(plain);
            for (String path : List.of("/rest/V1/inventory/stock-resolver/website/base",
                    "/rest/V1/inventory/export-stock-salable-qty/website/base?searchCriteria%5BpageSize%5D=10",
                    "/rest/V1/products-render-info?storeId=1&currencyCode=USD")) {
                StoreClient.Answer answer = c.get(path);
                assertEquals(404, answer.status(), path);
                assertEquals("Request does not match any route.", answer.json().get("message").asText());
            }
            assertEquals(200, c.get("/rest/V1/inventory/source-items?searchCriteria%5BpageSize%5D=10").status(), "source items stay");
        }
    }

    @Test
    void defaultCatalogKeepsOneWebsiteAndChildlessConfigurables() {
        try (SandboxStore plain = SandboxStore.start(SandboxOptions.builder().productCount(100).build())) {
            assertTrue(plain.catalog().products().stream().allMatch(p ->
                    "[1]".equals(p.get("extension_attributes").get("website_ids").toString())
                    && !p.get("extension_attributes").has("configurable_product_links")));
            assertEquals(404, new StoreClient(plain).get("/rest/V1/products/attributes/size").status());
            assertEquals(List.of("admin", "base"), textsOf(new StoreClient(plain).get("/rest/V1/store/websites").json(), "code"));
        }
    }

    @Test
    void salableQuantitiesNeedTheStockResourceWhileRenderInfoNeedsNone() {
        try (SandboxStore limited = SandboxStore.start(SandboxOptions.builder().productCount(10)
                .grantedResources(Set.of(AclResources.PRODUCTS)).build())) {
            StoreClient.Answer refused = new StoreClient(limited).get("/rest/V1/inventory/stock-resolver/website/base");
            assertEquals(401, refused.status());
            assertEquals(AclResources.INVENTORY_STOCK, refused.json().get("parameters").get("resources").asText());
            assertEquals(200, new StoreClient(limited).token(null)
                    .get("/rest/V1/products-render-info?storeId=1&currencyCode=USD&searchCriteria%5BpageSize%5D=5").status());
        }
    }

    @Test
    void commandLineTurnsTheStorefrontOnAndModulesOff() {
        StorefrontOptions parsed = SandboxMain.parse(new String[] {"--inventoryModules=false", "--storefront=full"}).storefront();
        assertEquals(StorefrontOptions.full().withInventoryModules(false), parsed);
        assertEquals(StorefrontOptions.defaults(), SandboxMain.parse(new String[] {"--products=5"}).storefront());
    }

    private static List<Integer> idsOf(JsonNode items) {
        List<Integer> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asInt()));
        return ids;
    }

    private static List<String> textsOf(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(i -> texts.add(i.get(field).asText()));
        return texts;
    }
}
