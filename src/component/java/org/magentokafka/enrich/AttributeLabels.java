package org.magentokafka.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a product's {@code custom_attributes} into {@code {code: {label, value, value_label}}}: option ids become
 * their labels for select attributes, a list of labels for multiselect (Magento sends "148,150"), and
 * value_label is null for attributes without options.
 */
public final class AttributeLabels {

    private AttributeLabels() {
    }

    public static Map<String, Object> resolve(Map<String, Object> product, AttributeCatalog catalog) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(product.get("custom_attributes") instanceof List<?> attributes)) {
            return out;
        }
        for (Object o : attributes) {
            if (!(o instanceof Map<?, ?> ca) || ca.get("attribute_code") == null) {
                continue;
            }
            String code = ca.get("attribute_code").toString();
            Object value = ca.get("value");
            AttributeCatalog.Attribute meta = catalog.get(code);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", meta == null ? code : meta.label());
            entry.put("value", value);
            entry.put("value_label", meta == null ? null : valueLabel(meta, value));
            out.put(code, entry);
        }
        return out;
    }

    private static Object valueLabel(AttributeCatalog.Attribute meta, Object value) {
        if (value == null || meta.options().isEmpty()) {
            return null;
        }
        if ("multiselect".equals(meta.input())) {
            List<String> labels = new ArrayList<>();
            for (String id : value.toString().split(",")) {
                String label = meta.options().get(id.strip());
                if (label != null) {
                    labels.add(label);
                }
            }
            return labels;
        }
        return meta.options().get(value.toString());
    }
}
