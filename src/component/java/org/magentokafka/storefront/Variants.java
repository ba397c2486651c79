package org.magentokafka.storefront;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /**
     * The variants in link order. Options name the configurable's attributes ({@code configurable_product_options},
     * by attribute id) by code, valued with the child's option label in this store view. A link whose child row is
     * missing (deleted since the configurable was read) is left out.
     */
    static List<Map<String, Object>> of(Map<String, Object> product, StorefrontPage page, AttributeCatalog attributes,
                                        Map<Long, Map<String, Object>> pageById) {
        List<String> optionCodes = optionCodes(product, attributes);
        List<Map<String, Object>> variants = new ArrayList<>();
        for (long id : childIds(product)) {
            Map<String, Object> child = page.row(id, pageById);
            if (child == null) {
                continue;
            }
            Map<String, Object> own = StorefrontFields.of(child, page);
            Map<String, Object> variant = new LinkedHashMap<>();
            variant.put("sku", child.get("sku"));
            variant.put("id", id);
            variant.put("options", options(child, optionCodes, attributes));
            variant.put("salable", own.get("salable"));
            variant.put("prices", own.get("prices"));
            variant.put("displayable", own.get("displayable"));
            variants.add(variant);
        }
        return variants;
    }

    static Optional<List<String>> parentSkus(Map<String, Object> product, StorefrontPage page) {
        List<String> parents = page.parents().get(String.valueOf(product.get("sku")));
        return parents == null || parents.isEmpty() ? Optional.empty() : Optional.of(parents);
    }

    /** {@code extension_attributes.configurable_product_links}: the children's entity ids, numbers or numeric text. */
    static List<Long> childIds(Map<String, Object> product) {
        List<Long> ids = new ArrayList<>();
        if (product.get("extension_attributes") instanceof Map<?, ?> ext
            && ext.get("configurable_product_links") instanceof Iterable<?> links) {
            for (Object link : links) {
                Long id = number(link);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** A row's entity id ({@code id}), or null. */
    static Long idOf(Map<String, Object> row) {
        return number(row.get("id"));
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The attribute codes of the configurable's options, in option order; ids the metadata does not know are left out. */
    private static List<String> optionCodes(Map<String, Object> product, AttributeCatalog attributes) {
        List<String> codes = new ArrayList<>();
        if (product.get("extension_attributes") instanceof Map<?, ?> ext
            && ext.get("configurable_product_options") instanceof Iterable<?> options) {
            for (Object o : options) {
                if (o instanceof Map<?, ?> option && option.get("attribute_id") != null) {
                    String code = attributes.codeOf(option.get("attribute_id").toString().strip());
                    if (code != null) {
                        codes.add(code);
                    }
                }
            }
        }
        return codes;
    }

    /** {code: the child's option label} (null when the option id has no label in this store view). */
    private static Map<String, Object> options(Map<String, Object> child, List<String> codes, AttributeCatalog attributes) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (String code : codes) {
            Object value = customAttribute(child, code);
            AttributeCatalog.Attribute meta = attributes.get(code);
            options.put(code, value == null || meta == null ? null : meta.options().get(value.toString()));
        }
        return options;
    }

    private static Object customAttribute(Map<String, Object> product, String code) {
        if (product.get("custom_attributes") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> attribute && code.equals(attribute.get("attribute_code"))) {
                    return attribute.get("value");
                }
            }
        }
        return null;
    }
}
