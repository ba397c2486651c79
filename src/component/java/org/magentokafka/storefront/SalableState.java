package org.magentokafka.storefront;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a website can sell of one SKU: the salable quantity (source quantity minus reservations, summed over the
 * stock's sources) and whether it is salable, from {@code export-stock-salable-qty} (or, without the inventory
 * modules, from the source items). For a configurable: the enabled children's sum, salable when one of them is.
 *
 * @param stockId the stock it was read from; null in the source-item fallback
 */
public record SalableState(double quantity, boolean isSalable, Integer stockId) {

    /** The event's {@code salable} object: {@code {quantity, is_salable, stock_id}}. */
    public Map<String, Object> toEvent() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("quantity", quantity);
        out.put("is_salable", isSalable);
        out.put("stock_id", stockId);
        return out;
    }
}
