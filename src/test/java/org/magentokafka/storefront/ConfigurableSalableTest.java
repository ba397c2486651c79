package org.magentokafka.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A configurable's salable state from its enabled children (Magento answers 0 for the configurable itself). */
class ConfigurableSalableTest {

    private static Map<String, Object> row(long id, String sku, String type, Object status, List<Object> links) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("sku", sku);
        row.put("type_id", type);
        row.put("status", status);
        if (links != null) {
            row.put("extension_attributes", Map.of("configurable_product_links", links));
        }
        return row;
    }

    private static Map<String, SalableState> states(Object... skuQtySalable) {
        Map<String, SalableState> out = new HashMap<>();
        for (int i = 0; i < skuQtySalable.length; i += 3) {
            out.put((String) skuQtySalable[i], new SalableState(((Number) skuQtySalable[i + 1]).doubleValue(),
                    (Boolean) skuQtySalable[i + 2], 1));
        }
        return out;
    }

    @Test
    void quantityIsTheEnabledChildrenSumAndOneSalableChildMakesItSalable() {
        List<Map<String, Object>> rows = List.of(row(1, "MP01", "configurable", 1, List.of(2, "3", 4)),
                row(2, "MP01-M-Red", "simple", 1, null), row(3, "MP01-M-Blue", "simple", "1", null),
                row(4, "MP01-L-Red", "simple", 1, null));
        Map<String, SalableState> bySku = states("MP01", 0, true, "MP01-M-Red", 0, false, "MP01-M-Blue", 7, true, "MP01-L-Red", 5.5, true);

        SalableState parent = ConfigurableSalable.applied(rows, bySku, 1).get("MP01");

        assertEquals(new SalableState(12.5, true, 1), parent);
        assertEquals(Map.of("quantity", 12.5, "is_salable", true, "stock_id", 1), parent.toEvent());
    }

    @Test
    void aDisabledChildCountsForNothing() {
        List<Map<String, Object>> rows = List.of(row(1, "MP01", "configurable", 1, List.of(2, 3)),
                row(2, "MP01-M-Red", "simple", 2, null), row(3, "MP01-M-Blue", "simple", 1, null));
        Map<String, SalableState> bySku = states("MP01", 0, true, "MP01-M-Red", 9, true, "MP01-M-Blue", 0, false);

        SalableState parent = ConfigurableSalable.applied(rows, bySku, 1).get("MP01");

        assertFalse(parent.isSalable());
        assertEquals(0.0, parent.quantity());
    }

    @Test
    void withoutAnyKnownChildRowMagentosOwnAnswerStays() {
        List<Map<String, Object>> rows = List.of(row(1, "MP01", "configurable", 1, List.of(2, 3)));
        Map<String, SalableState> bySku = states("MP01", 0, true);

        assertEquals(new SalableState(0, true, 1), ConfigurableSalable.applied(rows, bySku, 1).get("MP01"));
    }

    @Test
    void theFallbackHasNoStockId() {
        List<Map<String, Object>> rows = List.of(row(1, "MP01", "configurable", 1, List.of(2)), row(2, "MP01-S", "simple", 1, null));
        Map<String, SalableState> bySku = new HashMap<>(Map.of("MP01-S", new SalableState(3, true, null)));

        SalableState parent = ConfigurableSalable.applied(rows, bySku, null).get("MP01");

        assertTrue(parent.isSalable());
        assertNull(parent.stockId());
        assertNull(parent.toEvent().get("stock_id"));
    }
}
