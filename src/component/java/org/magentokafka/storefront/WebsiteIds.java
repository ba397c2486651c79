package org.magentokafka.storefront;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The websites a product row is assigned to: {@code extension_attributes.website_ids}, numbers or numeric text. */
final class WebsiteIds {

    private WebsiteIds() {
    }

    static Set<Integer> of(Map<String, Object> product) {
        Set<Integer> ids = new LinkedHashSet<>();
        if (product.get("extension_attributes") instanceof Map<?, ?> ext && ext.get("website_ids") instanceof Iterable<?> list) {
            for (Object id : list) {
                try {
                    ids.add(Integer.parseInt(String.valueOf(id).strip()));
                } catch (NumberFormatException e) {
                    // not a website id: ignored, the product is then simply not in that website
                }
            }
        }
        return ids;
    }
}
