package org.magentokafka.storefront;

import java.util.Map;

/**
 * The event's {@code salable} for a product of the page or a variant: its website stock's state; a configurable's
 * from its enabled children. Also makes a configurable's {@code inventory.in_stock} follow {@code is_salable}.
 */
final class SalableFields {

    private SalableFields() {
    }

    /** {@code {quantity, is_salable, stock_id}}, or null when the salable state is unknown (guest). */
    static Map<String, Object> of(Map<String, Object> product, StorefrontPage page) {
        return null; // TODO(salable)
    }

    /** A configurable has no source items: its {@code inventory.in_stock} follows its salable state. */
    static void adjustInventory(Map<String, Object> document, Map<String, Object> product, StorefrontPage page,
                                Map<Long, Map<String, Object>> pageById) {
        // TODO(salable)
    }
}
