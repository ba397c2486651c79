package org.magentokafka.enrich;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-source inventory per SKU: the quantity summed over sources, in stock when any source has the item in
 * stock (status 1) with a positive quantity, and the sources themselves.
 */
public final class InventorySummary {

    private InventorySummary() {
    }

    /** Groups source items by SKU. */
    public static Map<String, List<Map<String, Object>>> bySku(List<Map<String, Object>> sourceItems) {
        Map<String, List<Map<String, Object>>> out = new HashMap<>();
        for (Map<String, Object> item : sourceItems) {
            Object sku = item.get("sku");
            if (sku != null) {
                out.computeIfAbsent(sku.toString(), k -> new ArrayList<>()).add(item);
            }
        }
        return out;
    }

    public static Map<String, Object> of(List<Map<String, Object>> sourceItems) {
        BigDecimal total = BigDecimal.ZERO;
        boolean inStock = false;
        List<Map<String, Object>> sources = new ArrayList<>();
        List<Map<String, Object>> sorted = new ArrayList<>(sourceItems == null ? List.of() : sourceItems);
        sorted.sort((a, b) -> String.valueOf(a.get("source_code")).compareTo(String.valueOf(b.get("source_code"))));
        for (Map<String, Object> s : sorted) {
            BigDecimal qty = decimal(s.get("quantity"));
            int status = (int) decimal(s.get("status")).longValue();
            total = total.add(qty);
            inStock |= status == 1 && qty.signum() > 0;
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("source_code", s.get("source_code"));
            source.put("quantity", qty.stripTrailingZeros().scale() <= 0 ? qty.longValue() : qty.doubleValue());
            source.put("status", status);
            sources.add(source);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("quantity", total.stripTrailingZeros().scale() <= 0 ? total.longValue() : total.doubleValue());
        out.put("in_stock", inStock);
        out.put("sources", sources);
        return out;
    }

    private static BigDecimal decimal(Object v) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(v.toString().strip());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
