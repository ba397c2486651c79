package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's attribute metadata (admin scope) and its store-view option labels. Not thread-safe:
 * {@link SandboxCatalog} holds the lock around every call. Attribute options have no timestamp: change detection
 * has to diff snapshots, as with a real store.
 */
final class AttributeTable {

    private final LinkedHashMap<String, ObjectNode> attributes = new LinkedHashMap<>();
    /** store code → attribute code → option value → label. */
    private final Map<String, Map<String, Map<String, String>>> storeOptionLabels = new HashMap<>();

    /** The fixed attribute set, with French option labels when the store has a French view. */
    void load(StoreViews storeViews) {
        for (AttributeDefinitions.Definition d : AttributeDefinitions.all()) {
            add(d, storeViews);
        }
    }

    /** One more attribute, e.g. the configurables' "size". */
    void add(AttributeDefinitions.Definition d, StoreViews storeViews) {
        Integer frId = storeViews.byCode(AttributeDefinitions.FR).map(StoreView::id).orElse(null);
        attributes.put(d.code(), AttributeDefinitions.toJson(d, frId));
        if (frId != null && d.options() != null) {
            Map<String, String> labels = new LinkedHashMap<>();
            d.options().forEach((value, pair) -> labels.put(value, pair[1]));
            storeOptionLabels.computeIfAbsent(AttributeDefinitions.FR, k -> new HashMap<>()).put(d.code(), labels);
        }
    }

    List<ObjectNode> copies() {
        return attributes.values().stream().map(ObjectNode::deepCopy).toList();
    }

    boolean setOptionLabel(String attributeCode, String optionValue, String label) {
        ObjectNode attribute = attributes.get(attributeCode);
        if (attribute == null) {
            return false;
        }
        ObjectNode changed = attribute.deepCopy();
        for (JsonNode option : changed.withArray("options")) {
            if (option.get("value").asText().equals(optionValue)) {
                ((ObjectNode) option).put("label", label);
                attributes.put(attributeCode, changed);
                return true;
            }
        }
        return false;
    }

    boolean setOptionLabel(String attributeCode, String optionValue, String storeCode, String label) {
        ObjectNode attribute = attributes.get(attributeCode);
        if (attribute == null) {
            return false;
        }
        boolean exists = false;
        for (JsonNode option : attribute.withArray("options")) {
            exists |= option.get("value").asText().equals(optionValue);
        }
        if (exists) {
            storeOptionLabels.computeIfAbsent(storeCode, k -> new HashMap<>())
                    .computeIfAbsent(attributeCode, k -> new LinkedHashMap<>()).put(optionValue, label);
        }
        return exists;
    }

    List<ObjectNode> nodes() {
        return new ArrayList<>(attributes.values());
    }

    ObjectNode node(String code) {
        return attributes.get(code);
    }

    /** The attribute with its options labelled for the store view; the blank first option stays blank. */
    ObjectNode inStore(ObjectNode attribute, String storeCode) {
        Map<String, String> labels = storeOptionLabels.getOrDefault(storeCode, Map.of())
                .get(attribute.get("attribute_code").asText());
        if (labels == null || labels.isEmpty()) {
            return attribute;
        }
        ObjectNode copy = attribute.deepCopy();
        for (JsonNode option : copy.withArray("options")) {
            String label = labels.get(option.get("value").asText());
            if (label != null) {
                ((ObjectNode) option).put("label", label);
            }
        }
        return copy;
    }
}
