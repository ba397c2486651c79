package org.magentokafka.storefront;

import java.util.List;
import java.util.Map;

import org.magentokafka.client.MagentoClient;

/**
 * The child rows of a page's configurables ({@code extension_attributes.configurable_product_links}) that are not
 * on the page themselves: one {@code GET /V1/products} with {@code entity_id in (...)} (a second page only past the
 * page size).
 */
final class ChildRows {

    private ChildRows() {
    }

    static Map<Long, Map<String, Object>> of(MagentoClient client, List<Map<String, Object>> products) {
        return Map.of(); // TODO(variants)
    }
}
