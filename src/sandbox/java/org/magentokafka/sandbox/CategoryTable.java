package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog's categories (list form, by id) and their store-view names. Not thread-safe: {@link SandboxCatalog}
 * holds the lock around every call. A rename replaces the stored node and bumps its updated_at.
 */
final class CategoryTable {

    private final Clock clock;
    private final TreeMap<Integer, ObjectNode> categories = new TreeMap<>();
    private final Map<String, Map<Integer, String>> storeCategoryNames = new HashMap<>();

    CategoryTable(Clock clock) {
        this.clock = clock;
    }

    void put(ObjectNode category) {
        categories.put(category.get("id").asInt(), category);
    }

    void putNames(String storeCode, Map<Integer, String> names) {
        storeCategoryNames.put(storeCode, new HashMap<>(names));
    }

    List<ObjectNode> copies() {
        return categories.values().stream().map(ObjectNode::deepCopy).toList();
    }

    boolean rename(int id, String name) {
        ObjectNode current = categories.get(id);
        if (current == null) {
            return false;
        }
        categories.put(id, current.deepCopy().put("name", name).put("updated_at", now()));
        return true;
    }

    boolean rename(int id, String storeCode, String name) {
        ObjectNode current = categories.get(id);
        if (current == null) {
            return false;
        }
        storeCategoryNames.computeIfAbsent(storeCode, k -> new HashMap<>()).put(id, name);
        categories.put(id, current.deepCopy().put("updated_at", now()));
        return true;
    }

    List<ObjectNode> nodes() {
        return new ArrayList<>(categories.values());
    }

    String storeName(String storeCode, int id) {
        return storeCategoryNames.getOrDefault(storeCode, Map.of()).get(id);
    }

    private String now() {
        return MagentoTime.format(clock.instant());
    }
}
