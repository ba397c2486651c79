package org.magentokafka.storefront;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event's {@code salable} for a product of the page or a variant: its website stock's state; a configurable's
 * from its enabled children (already aggregated by {@link SalableQuantities}, see {@link ConfigurableSalable}).
 * Also makes a configurable's {@code inventory.in_stock} follow {@code is_salable}.
 */
final class SalableFields {

    private SalableFields() {
    }

    /** {@code {quantity, is_salable, stock_id}}, or null when the salable state is unknown (guest). */
    static Map<String, Object> of(Map<String, Object> product, StorefrontPage page) {
        SalableState state = stateOf(product, page);
        return state == null ? null : state.toEvent();
    }

    /** A configurable has no source items: its {@code inventory.in_stock} follows its salable state. */
    @SuppressWarnings("unchecked")
    static void adjustInventory(Map<String, Object> document, Map<String, Object> product, StorefrontPage page,
                                Map<Long, Map<String, Object>> pageById) {
        if (!Variants.isConfigurable(product) || !(document.get("inventory") instanceof Map<?, ?> inventory)) {
            return;
        }
        SalableState state = stateOf(product, page);
        if (state == null) {
            return;
        }
        // A copy: the inventory map may be shared with other documents of the page.
        Map<String, Object> adjusted = new LinkedHashMap<>((Map<String, Object>) inventory);
        adjusted.put("in_stock", state.isSalable());
        document.put("inventory", adjusted);
    }

    /** The product's state; null when unknown (guest). A SKU Magento did not answer is not salable. */
    static SalableState stateOf(Map<String, Object> product, StorefrontPage page) {
        if (page.salable() == null) {
            return null;
        }
        Object sku = product.get("sku");
        SalableState state = sku == null ? null : page.salable().get(sku.toString());
        return state != null ? state : new SalableState(0, false, page.scope().stockId());
    }
}
