package org.magentokafka.storefront;

import java.util.List;
import java.util.Map;

import org.magentokafka.client.MagentoClient;

/**
 * One {@code GET /V1/products-render-info} per page and store view ({@code storeId}, {@code currencyCode},
 * {@code entity_id in (...)} over the page and its children): final prices, min/max, storefront URLs.
 */
final class RenderInfo {

    private RenderInfo() {
    }

    /** Items by entity id; null when the store has no products-render-info (404). */
    static Map<Long, Map<String, Object>> of(MagentoClient client, StoreViewScope scope, List<Map<String, Object>> products,
                                             Map<Long, Map<String, Object>> children) {
        return Map.of(); // TODO(prices)
    }
}
