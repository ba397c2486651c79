package org.magentokafka.storefront;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.magentokafka.enrich.AttributeCatalog;

/**
 * A configurable's {@code variants} ({@code [{sku, id, options{code: label}, salable, prices, displayable}]}) and a
 * child's {@code parent_skus}.
 */
final class Variants {

    private Variants() {
    }

    static boolean isConfigurable(Map<String, Object> product) {
        return "configurable".equals(product.get("type_id"));
    }

    static List<Map<String, Object>> of(Map<String, Object> product, StorefrontPage page, AttributeCatalog attributes,
                                        Map<Long, Map<String, Object>> pageById) {
        return List.of(); // TODO(variants)
    }

    static Optional<List<String>> parentSkus(Map<String, Object> product, StorefrontPage page) {
        List<String> parents = page.parents().get(String.valueOf(product.get("sku")));
        return parents == null || parents.isEmpty() ? Optional.empty() : Optional.of(parents);
    }
}
