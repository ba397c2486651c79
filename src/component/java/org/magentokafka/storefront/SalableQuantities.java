package org.magentokafka.storefront;

import java.util.List;
import java.util.Map;

import org.magentokafka.client.MagentoClient;

/**
 * Salable state of a page's SKUs and of its configurables' children in the store view's website stock: one
 * {@code GET /V1/inventory/export-stock-salable-qty/website/{code}} with {@code sku in (...)}.
 */
final class SalableQuantities {

    private SalableQuantities() {
    }

    static Map<String, SalableState> of(MagentoClient client, StoreViewScope scope, List<Map<String, Object>> products,
                                        Map<Long, Map<String, Object>> children) {
        return Map.of(); // TODO(salable)
    }
}
