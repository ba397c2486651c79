package org.magentokafka.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The event's salable field and a configurable's inventory.in_stock, from the page's salable states. */
class SalableFieldsTest {

    private static final StoreViewScope SCOPE = new StoreViewScope("default", 1, 1, "base", "USD",
            "https://shop.example.com/media/", "https://shop.example.com/", "UTC", 1);

    private static StorefrontPage page(Map<String, SalableState> salable) {
        return new StorefrontPage(SCOPE, Map.of(), salable, Map.of(), Map.of());
    }

    @Test
    void aGuestIsNeverToldTheSalableStateSoItIsNullNotUnsalable() {
        assertNull(SalableFields.of(Map.of("sku", "MP01"), page(null)));
    }

    @Test
    void aSkuMagentoDidNotAnswerIsNotSalable() {
        assertEquals(Map.of("quantity", 0.0, "is_salable", false, "stock_id", 1),
                SalableFields.of(Map.of("sku", "GONE"), page(Map.of())));
    }

    @Test
    void aConfigurablesInStockFollowsIsSalableAndTheRestOfInventoryStays() {
        Map<String, Object> inventory = new LinkedHashMap<>(Map.of("quantity", 0L, "in_stock", false, "sources", List.of()));
        Map<String, Object> document = new HashMap<>(Map.of("inventory", inventory));
        Map<String, Object> configurable = Map.of("sku", "MP01", "type_id", "configurable");

        SalableFields.adjustInventory(document, configurable, page(Map.of("MP01", new SalableState(12, true, 1))), Map.of());

        assertEquals(Map.of("quantity", 0L, "in_stock", true, "sources", List.of()), document.get("inventory"));
        assertEquals(false, inventory.get("in_stock"), "the page's own map is not changed under other documents");
    }

    @Test
    void aSimplesInventoryIsLeftAsTheSourceItemsSay() {
        Map<String, Object> inventory = Map.of("quantity", 3L, "in_stock", true, "sources", List.of());
        Map<String, Object> document = new HashMap<>(Map.of("inventory", inventory));

        SalableFields.adjustInventory(document, Map.of("sku", "S1", "type_id", "simple"),
                page(Map.of("S1", new SalableState(0, false, 1))), Map.of());

        assertEquals(inventory, document.get("inventory"));
    }
}
