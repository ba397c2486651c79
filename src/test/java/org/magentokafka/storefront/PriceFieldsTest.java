package org.magentokafka.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The event's prices from render-info, and without it from the product's price and special-price window. */
class PriceFieldsTest {

    private static final StoreViewScope EU = new StoreViewScope("eu", 3, 2, "europe", "EUR", "https://shop.example.com/media/",
            "https://shop.example.com/eu/", "Europe/Berlin", 2);
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    static Map<String, Object> product(long id, String type, double price, int status, Object... custom) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", id);
        product.put("sku", "SKU-" + id);
        product.put("type_id", type);
        product.put("price", price);
        product.put("status", status);
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (int i = 0; i < custom.length; i += 2) {
            attributes.add(Map.of("attribute_code", custom[i], "value", custom[i + 1]));
        }
        product.put("custom_attributes", attributes);
        return product;
    }

    private static StorefrontPage page(Map<Long, Map<String, Object>> renderInfo, Map<Long, Map<String, Object>> children) {
        return new StorefrontPage(EU, children, null, renderInfo, Map.of());
    }

    @Test
    void finalMinMaxAndCurrencyComeFromRenderInfoAndTheSpecialWindowFromTheProduct() {
        Map<String, Object> product = product(7, "simple", 59.0, 1, "special_price", "47.200000",
                "special_from_date", "2026-01-01 00:00:00");
        Map<String, Object> item = Map.of("id", 7L, "currency_code", "EUR", "url", "https://shop.example.com/eu/p.html",
                "price_info", Map.of("final_price", 42.48, "regular_price", 53.1, "minimal_price", 42.48, "max_price", 53.1,
                        "special_price", 42.48));

        Map<String, Object> prices = PriceFields.of(product, page(Map.of(7L, item), Map.of()), Map.of(), null);

        Map<String, Object> special = new LinkedHashMap<>();
        special.put("price", 47.2);
        special.put("from", "2026-01-01");
        special.put("to", null);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("currency", "EUR");
        expected.put("regular", 53.1);
        expected.put("final", 42.48);
        expected.put("special", special);
        expected.put("min", 42.48);
        expected.put("max", 53.1);
        assertEquals(expected, prices);
    }

    @Test
    void aProductRenderInfoLeftOutHasNoPrices() {
        assertNull(PriceFields.of(product(7, "simple", 59.0, 1), page(Map.of(), Map.of()), Map.of(), null));
    }

    @Test
    void withoutRenderInfoTheSpecialPriceAppliesOnTheDaysOfItsWindowOnly() {
        Map<String, Object> product = product(7, "simple", 59.0, 1, "special_price", "47.2",
                "special_from_date", "2026-03-02 00:00:00", "special_to_date", "2026-03-05 00:00:00");
        StorefrontPage page = page(null, Map.of());

        assertEquals(59.0, PriceFields.of(product, page, Map.of(), MARCH_1).get("final"), "the day before it opens");
        assertEquals(47.2, PriceFields.of(product, page, Map.of(), LocalDate.of(2026, 3, 2)).get("final"), "its first day");
        assertEquals(47.2, PriceFields.of(product, page, Map.of(), LocalDate.of(2026, 3, 5)).get("final"), "its last day");
        Map<String, Object> after = PriceFields.of(product, page, Map.of(), LocalDate.of(2026, 3, 6));
        assertEquals(59.0, after.get("final"), "the day after it closed");
        assertEquals(59.0, after.get("regular"));
        assertEquals(59.0, after.get("min"));
        assertEquals(59.0, after.get("max"));
        assertEquals("EUR", after.get("currency"), "the store view's display currency labels the base amounts");
        assertEquals(Map.of("price", 47.2, "from", "2026-03-02", "to", "2026-03-05"), after.get("special"));
    }

    @Test
    void withoutRenderInfoASpecialPriceAboveThePriceDoesNotRaiseIt() {
        Map<String, Object> product = product(7, "simple", 40.0, 1, "special_price", "45");
        assertEquals(40.0, PriceFields.of(product, page(null, Map.of()), Map.of(), MARCH_1).get("final"));
    }

    @Test
    void withoutRenderInfoAConfigurableSpansItsEnabledChildrensFinalPrices() {
        Map<String, Object> parent = product(10, "configurable", 0, 1);
        parent.put("extension_attributes", Map.of("configurable_product_links", List.of(11, 12, 13)));
        Map<Long, Map<String, Object>> children = new HashMap<>();
        children.put(11L, product(11, "simple", 50.0, 1, "special_price", "30", "special_from_date", "2026-02-01 00:00:00"));
        children.put(12L, product(12, "simple", 60.0, 1));
        children.put(13L, product(13, "simple", 10.0, 2)); // disabled: not sold, not in the range

        // Child 12 is on the page itself: the page's children rows hold only the others.
        Map<Long, Map<String, Object>> pageById = Map.of(10L, parent, 12L, children.remove(12L));
        Map<String, Object> prices = PriceFields.of(parent, page(null, children), pageById, MARCH_1);

        assertEquals(30.0, prices.get("final"));
        assertEquals(30.0, prices.get("min"));
        assertEquals(60.0, prices.get("max"));
        assertEquals(50.0, prices.get("regular"), "the lowest regular price of the children");
        assertNull(prices.get("special"));
    }
}
