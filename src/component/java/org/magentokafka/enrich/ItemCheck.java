package org.magentokafka.enrich;

import java.util.List;
import java.util.Map;

/**
 * Item-level problems that make a product unusable downstream: the item then goes to the dead-letter topic with
 * its raw content and the reason, while the rest of the page is published. Numbers sent as strings are not a
 * problem: the product is published as Magento returned it.
 */
public final class ItemCheck {

    /** Attributes whose values are lists by nature. */
    private static final List<String> LIST_ATTRIBUTES = List.of("category_ids", "website_ids");

    private ItemCheck() {
    }

    /** Why the product cannot be published, or null when it can. */
    public static String problemOf(Object item) {
        if (!(item instanceof Map<?, ?> product)) {
            return "the item is not a JSON object";
        }
        Object sku = product.get("sku");
        if (sku == null || sku.toString().isBlank()) {
            return "the product has no sku, so it cannot be keyed";
        }
        Object attributes = product.get("custom_attributes");
        if (attributes == null) {
            return null;
        }
        if (!(attributes instanceof List<?> list)) {
            return "custom_attributes is not an array";
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> ca) || !(ca.get("attribute_code") instanceof String code)) {
                return "custom_attributes holds an entry without attribute_code";
            }
            Object value = ca.get("value");
            if (value instanceof Map<?, ?>) {
                return "custom attribute " + code + " has an object value where Magento sends a string";
            }
            if (value instanceof List<?> && !LIST_ATTRIBUTES.contains(code)) {
                return "custom attribute " + code + " has an array value where Magento sends a string";
            }
        }
        return null;
    }
}
