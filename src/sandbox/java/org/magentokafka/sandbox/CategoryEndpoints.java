package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET /V1/categories (tree), /V1/categories/list (search) and /V1/categories/{id}. */
final class CategoryEndpoints {

    static final FieldResolver FIELDS = new JsonFields(
            Map.of("entity_id", "id"),
            Set.of("id", "parent_id", "name", "is_active", "position", "level", "children", "created_at",
                    "updated_at", "path", "include_in_menu"),
            Set.of("url_key", "url_path", "display_mode", "is_anchor", "children_count"),
            Map.of(),
            JsonFields.invalidAttribute(),
            null);

    private CategoryEndpoints() {
    }

    /**
     * The tree starts at the store's root category ("Default Category", id 2) unless
     * rootCategoryId says otherwise, as CategoryManagement::getTree does for a store view.
     */
    static JsonNode tree(RestCall call) {
        String rootParam = call.query().asMap().get("rootCategoryId");
        String depthParam = call.query().asMap().get("depth");
        int rootId = rootParam == null || rootParam.isEmpty() ? CategoryTree.DEFAULT_CATEGORY : SearchQueryParser.intParameter(rootParam);
        Integer depth = depthParam == null || depthParam.isEmpty() ? null : SearchQueryParser.intParameter(depthParam);
        Map<Integer, ObjectNode> byId = new LinkedHashMap<>();
        for (ObjectNode c : call.catalog().categoryNodes()) {
            byId.put(c.get("id").asInt(), call.catalog().categoryInStore(c, call.store().code()));
        }
        ObjectNode root = byId.get(rootId);
        if (root == null) {
            throw noSuchCategory(String.valueOf(rootId));
        }
        return treeNode(root, byId, call.catalog().productCountsByCategory(), depth);
    }

    private static ObjectNode treeNode(ObjectNode category, Map<Integer, ObjectNode> byId,
                                       Map<Integer, Integer> productCounts, Integer depth) {
        int id = category.get("id").asInt();
        ObjectNode node = MagentoJson.MAPPER.createObjectNode();
        node.put("id", id);
        node.put("parent_id", category.get("parent_id").asInt());
        node.put("name", category.get("name").asText());
        node.put("is_active", category.get("is_active").asBoolean());
        node.put("position", category.get("position").asInt());
        node.put("level", category.get("level").asInt());
        node.put("product_count", productCounts.getOrDefault(id, 0));
        ArrayNode children = node.putArray("children_data");
        if (depth == null || depth > 0) {
            List<ObjectNode> kids = new ArrayList<>();
            byId.values().stream().filter(c -> c.get("parent_id").asInt() == id).forEach(kids::add);
            kids.sort((a, b) -> Integer.compare(a.get("position").asInt(), b.get("position").asInt()));
            for (ObjectNode kid : kids) {
                children.add(treeNode(kid, byId, productCounts, depth == null ? null : depth - 1));
            }
        }
        return node;
    }

    static JsonNode list(RestCall call) {
        SearchQuery criteria = call.searchCriteria();
        List<ObjectNode> items = new ArrayList<>();
        for (ObjectNode c : call.catalog().categoryNodes()) {
            items.add(call.catalog().categoryInStore(c, call.store().code()));
        }
        return CollectionSearch.search(items, criteria, FIELDS).toJson(item -> item);
    }

    static JsonNode get(RestCall call) {
        String id = call.param(0);
        for (ObjectNode c : call.catalog().categoryNodes()) {
            if (c.get("id").asText().equals(id)) {
                return call.catalog().categoryInStore(c, call.store().code());
            }
        }
        throw noSuchCategory(id);
    }

    private static MagentoError noSuchCategory(String id) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("fieldName", "id");
        parameters.put("fieldValue", id);
        return MagentoError.named(404, "No such entity with %fieldName = %fieldValue", parameters);
    }
}
