package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.SandboxStorefront;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.MutableClock;

/**
 * Prices and URLs of a two-website store from products-render-info, per store view and in its display currency
 * (USD in {@code default}, EUR in {@code eu}); and a special price whose window opens at the store view's midnight
 * published again without anyone touching the product (the price pass, on a clock the test moves).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorefrontPricesTest {

    /** How long each look at the topic reads it. */
    private static final Duration LOOK = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago"); // the simulator's default store view
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    @AutoClose
    private static InProcessConnector connector;
    private static SandboxStore store;
    private static SandboxStorefront storefront;
    /** The product whose special price window opens tomorrow (set before the first sync). */
    private static String opening;
    private static double openingPrice;
    /** The product whose window opens the day after tomorrow, while the connector is stopped. */
    private static String openingWhileDown;
    private static double openingWhileDownPrice;

    @BeforeAll
    static void start() {
        connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(120).clock(CLOCK).storefront(StorefrontOptions.full()).build())
                .stream("products")
                .storeCodes("default,eu")
                .pageSize(50)
                .pollInterval("500ms")
                .clock(CLOCK)
                .option("pricePassCheckInterval", "200ms")
                .beforeStart(StorefrontPricesTest::openTomorrow)
                .start();
        store = connector.store();
        storefront = store.catalog().storefront();
    }

    /**
     * Two listed simple products without a special price get one: whose window opens at tomorrow's midnight, and
     * at the midnight after.
     */
    private static void openTomorrow(SandboxStore s) {
        LocalDate tomorrow = CLOCK.instant().atZone(CHICAGO).toLocalDate().plusDays(1);
        for (ObjectNode p : s.catalog().products()) {
            String sku = p.get("sku").asText();
            if ("simple".equals(p.get("type_id").asText()) && p.get("visibility").asInt() == 4
                && !p.toString().contains("special_price") && s.catalog().storefront().finalPrice(sku, "default").isPresent()) {
                double half = Math.floor(p.get("price").asDouble() / 2);
                if (opening == null) {
                    opening = sku;
                    openingPrice = half;
                    s.catalog().storefront().setSpecialPrice(sku, half, tomorrow, null);
                } else {
                    openingWhileDown = sku;
                    openingWhileDownPrice = half;
                    s.catalog().storefront().setSpecialPrice(sku, half, tomorrow.plusDays(1), null);
                    return;
                }
            }
        }
        throw new AssertionError("not two listed simple products without a special price");
    }

    @Test
    @Order(1)
    void finalPriceAndCurrencyComeFromRenderInfo() {
        for (String code : List.of("default", "eu")) {
            Map<String, JsonNode> events = events(code);
            String currency = "default".equals(code) ? "USD" : "EUR";
            int priced = 0;
            for (ObjectNode p : inWebsiteOf(code)) {
                String sku = p.get("sku").asText();
                Optional<Double> expected = storefront.finalPrice(sku, code);
                if (expected.isEmpty()) {
                    continue;
                }
                JsonNode prices = events.get(sku).get("prices");
                assertEquals(expected.get(), prices.get("final").asDouble(), code + " " + sku + ": " + prices);
                assertEquals(currency, prices.get("currency").asText(), code + " " + sku);
                assertTrue(prices.get("min").asDouble() <= prices.get("final").asDouble() + 1e-9, prices.toString());
                assertTrue(prices.get("max").asDouble() >= prices.get("min").asDouble(), prices.toString());
                priced++;
            }
            assertTrue(priced > 10, code + ": only " + priced + " products priced");
        }
        JsonNode special = events("default").get(opening).get("prices");
        assertEquals(CLOCK.instant().atZone(CHICAGO).toLocalDate().plusDays(1).toString(), special.get("special").get("from").asText());
        assertTrue(special.get("final").asDouble() > openingPrice, "not open yet: " + special);
    }

    @Test
    @Order(2)
    void productMissingFromRenderInfoHasNoPricesAndIsNotDisplayable() {
        int missing = 0;
        Map<String, JsonNode> events = events("default");
        for (ObjectNode p : inWebsiteOf("default")) {
            String sku = p.get("sku").asText();
            if (storefront.finalPrice(sku, "default").isEmpty()) {
                JsonNode event = events.get(sku);
                assertTrue(event.get("prices").isNull(), sku + " is not in the price index: " + event.get("prices"));
                assertFalse(event.get("displayable").asBoolean(), sku);
                missing++;
            }
        }
        assertTrue(missing > 0, "the catalog has disabled or unsalable products render-info leaves out");
    }

    @Test
    @Order(3)
    void urlsAreAbsolute() throws Exception {
        Map<String, JsonNode> configs = storeConfigs();
        for (String code : List.of("default", "eu")) {
            String link = configs.get(code).get("secure_base_link_url").asText();
            String media = configs.get(code).get("secure_base_media_url").asText();
            Map<String, JsonNode> events = events(code);
            int images = 0;
            for (ObjectNode p : inWebsiteOf(code)) {
                JsonNode urls = events.get(p.get("sku").asText()).get("urls");
                String product = urls.get("product").asText();
                String urlKey = customAttribute(p, "url_key");
                if (storefront.finalPrice(p.get("sku").asText(), code).isPresent() && p.get("visibility").asInt() != 1) {
                    assertEquals(link + urlKey + ".html", product, "render-info's URL rewrite");
                } else {
                    assertTrue(product.startsWith(link + "catalog/product/view/id/" + p.get("id").asInt() + "/"), product);
                }
                List<String> expected = new ArrayList<>();
                p.path("media_gallery_entries").forEach(e -> {
                    if (!e.path("disabled").asBoolean()) {
                        expected.add(media + "catalog/product" + e.get("file").asText());
                    }
                });
                List<String> actual = new ArrayList<>();
                urls.get("images").forEach(i -> actual.add(i.get("url").asText()));
                assertEquals(expected, actual, p.get("sku").asText());
                images += actual.size();
            }
            assertTrue(images > 0, code + ": no image checked");
        }
    }

    @Test
    @Order(4)
    void specialPriceWindowOpeningRepublishesTheProduct() {
        String topic = connector.topic("products");
        JsonNode before = LatestEvents.await(topic, opening, e -> e.get("prices").get("final").asDouble() > openingPrice, WAIT, LOOK);
        assertNotNull(before);

        // One minute past the store view's next midnight: nobody edits the product, its updated_at stays.
        Instant midnight = CLOCK.instant().atZone(CHICAGO).toLocalDate().plusDays(1).atStartOfDay(CHICAGO).toInstant();
        CLOCK.advance(Duration.between(CLOCK.instant(), midnight.plusSeconds(60)));
        assertEquals(Optional.of(openingPrice), storefront.finalPrice(opening, "default"), "the simulator's price index moved");

        JsonNode after = LatestEvents.await(topic, opening, e -> e.get("prices").get("final").asDouble() == openingPrice, WAIT, LOOK);
        assertEquals(before.get("product").get("updated_at"), after.get("product").get("updated_at"));
        connector.log().await(Pattern.compile("price pass of store view default .*read again by the next poll"), WAIT);
    }

    @Test
    @Order(5)
    void aWindowOpeningWhileTheConnectorIsStoppedIsCaughtUpAfterTheRestart() {
        String topic = connector.topic("products");
        LatestEvents.await(topic, openingWhileDown, e -> e.get("prices").get("final").asDouble() > openingWhileDownPrice, WAIT, LOOK);
        connector.stop();
        Instant midnight = CLOCK.instant().atZone(CHICAGO).toLocalDate().plusDays(1).atStartOfDay(CHICAGO).toInstant();
        CLOCK.advance(Duration.between(CLOCK.instant(), midnight.plusSeconds(3600)));
        assertEquals(Optional.of(openingWhileDownPrice), storefront.finalPrice(openingWhileDown, "default"));

        connector.restart();

        LatestEvents.await(topic, openingWhileDown, e -> e.get("prices").get("final").asDouble() == openingWhileDownPrice, WAIT, LOOK);
    }

    /** The latest event per SKU of a store view's topic, once every product of its website has one. */
    private static Map<String, JsonNode> events(String code) {
        String topic = "default".equals(code) ? connector.topic("products") : connector.topic("products") + "." + code;
        int expected = inWebsiteOf(code).size();
        Map<String, JsonNode> latest = LatestEvents.read(topic, expected, WAIT, Duration.ZERO);
        for (ObjectNode p : inWebsiteOf(code)) {
            assertNotNull(latest.get(p.get("sku").asText()), code + ": no event for " + p.get("sku").asText());
        }
        return latest;
    }

    private static List<ObjectNode> inWebsiteOf(String code) {
        int website = "default".equals(code) ? 1 : 2;
        List<ObjectNode> products = new ArrayList<>();
        for (ObjectNode p : store.catalog().products()) {
            for (JsonNode id : p.path("extension_attributes").path("website_ids")) {
                if (id.asInt() == website) {
                    products.add(p);
                }
            }
        }
        return products;
    }

    private static String customAttribute(JsonNode product, String code) {
        for (JsonNode a : product.path("custom_attributes")) {
            if (code.equals(a.path("attribute_code").asText())) {
                return a.path("value").asText();
            }
        }
        return null;
    }

    /** GET /V1/store/storeConfigs as the connector reads it, by store code. */
    private static Map<String, JsonNode> storeConfigs() throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(store.baseUrl() + "/rest/V1/store/storeConfigs"))
                .header("Authorization", "Bearer " + store.options().accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, JsonNode> configs = new HashMap<>();
        JSON.readTree(answer.body()).forEach(c -> configs.put(c.get("code").asText(), c));
        return configs;
    }
}
