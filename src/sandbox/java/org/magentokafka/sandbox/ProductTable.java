package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The catalog's products, their SKU index and their store-view names. Not thread-safe: {@link SandboxCatalog}
 * holds the lock around every call. A mutation replaces the stored node, never changes it in place.
 */
final class ProductTable {

    private final Clock clock;
    private final SourceItemTable sourceItems;
    private final TreeMap<Integer, ObjectNode> products = new TreeMap<>();
    /** Lower-case SKU → id: MySQL's case-insensitive collation makes SKU lookups case-blind. */
    private final Map<String, Integer> productIdsBySku = new HashMap<>();
    private final Map<String, Map<Integer, String>> storeProductNames = new HashMap<>();
    private int nextProductId = 1;

    /** The source items are here because deleting a product deletes its stock, as Magento's inventory plugins do. */
    ProductTable(Clock clock, SourceItemTable sourceItems) {
        this.clock = clock;
        this.sourceItems = sourceItems;
    }

    List<ObjectNode> copies() {
        return products.values().stream().map(ObjectNode::deepCopy).toList();
    }

    int size() {
        return products.size();
    }

    /** Changes a product and bumps its updated_at, unless the change set updated_at itself. */
    boolean update(String sku, Consumer<ObjectNode> change) {
        ObjectNode current = find(sku);
        if (current == null) {
            return false;
        }
        ObjectNode changed = current.deepCopy();
        change.accept(changed);
        if (Objects.equals(changed.get("updated_at"), current.get("updated_at"))) {
            changed.put("updated_at", now());
        }
        changed.put("id", current.get("id").asInt());
        productIdsBySku.remove(key(current.get("sku").asText()));
        put(changed);
        return true;
    }

    boolean setName(String sku, String storeCode, String name) {
        ObjectNode current = find(sku);
        if (current == null) {
            return false;
        }
        storeProductNames.computeIfAbsent(storeCode, k -> new HashMap<>()).put(current.get("id").asInt(), name);
        ObjectNode changed = current.deepCopy().put("updated_at", now());
        put(changed);
        return true;
    }

    void putNames(String storeCode, Map<Integer, String> names) {
        storeProductNames.put(storeCode, new HashMap<>(names));
    }

    /** Deletes a product and, as Magento's inventory plugins do, its source items. */
    boolean delete(String sku) {
        ObjectNode current = find(sku);
        if (current == null) {
            return false;
        }
        int id = current.get("id").asInt();
        products.remove(id);
        productIdsBySku.remove(key(current.get("sku").asText()));
        storeProductNames.values().forEach(names -> names.remove(id));
        sourceItems.removeAllOf(current.get("sku").asText());
        return true;
    }

    /** A simple, enabled, visible product with the usual empty collections. */
    ObjectNode addSimple(String sku, String name, double price) {
        ObjectNode p = MagentoJson.MAPPER.createObjectNode();
        p.put("id", nextProductId).put("sku", sku).put("name", name).put("attribute_set_id", 4).put("price", price)
                .put("status", 1).put("visibility", 4).put("type_id", "simple").put("weight", 1);
        p.putObject("extension_attributes").putArray("website_ids").add(1);
        p.putArray("product_links");
        p.putArray("options");
        p.putArray("media_gallery_entries");
        p.putArray("tier_prices");
        p.putArray("custom_attributes").addObject().put("attribute_code", "url_key")
                .put("value", CatalogGenerator.urlKey(name, nextProductId));
        return insert(p);
    }

    /**
     * Stores a new product, filling in a missing id (highest + 1), created_at and updated_at (now).
     *
     * @throws IllegalArgumentException without a sku, or when the sku or id is already taken
     */
    ObjectNode insert(ObjectNode stored) {
        JsonNode sku = stored.get("sku");
        if (sku == null || sku.asText().isEmpty()) {
            throw new IllegalArgumentException("a product needs a sku");
        }
        if (find(sku.asText()) != null) {
            throw new IllegalArgumentException("sku already exists: " + sku.asText());
        }
        if (!stored.hasNonNull("id")) {
            stored.put("id", nextProductId);
        } else if (products.containsKey(stored.get("id").asInt())) {
            throw new IllegalArgumentException("id already exists: " + stored.get("id").asInt());
        }
        String now = now();
        if (!stored.hasNonNull("created_at")) {
            stored.put("created_at", now);
        }
        if (!stored.hasNonNull("updated_at")) {
            stored.put("updated_at", now);
        }
        put(stored);
        return stored.deepCopy();
    }

    void put(ObjectNode product) {
        int id = product.get("id").asInt();
        products.put(id, product);
        productIdsBySku.put(key(product.get("sku").asText()), id);
        nextProductId = Math.max(nextProductId, id + 1);
    }

    ObjectNode find(String sku) {
        Integer id = productIdsBySku.get(key(sku));
        return id == null ? null : products.get(id);
    }

    List<ObjectNode> nodes() {
        return new ArrayList<>(products.values());
    }

    /** The products whose id lies in the range, in id order: what the primary key gives MySQL for a keyset page. */
    List<ObjectNode> nodes(IdRange range) {
        return new ArrayList<>(range.of(products).values());
    }

    List<ObjectNode> nodesById(Collection<Integer> ids) {
        List<ObjectNode> found = new ArrayList<>();
        for (Integer id : new TreeSet<>(ids)) {
            ObjectNode product = products.get(id);
            if (product != null) {
                found.add(product);
            }
        }
        return found;
    }

    String storeName(String storeCode, int id) {
        return storeProductNames.getOrDefault(storeCode, Map.of()).get(id);
    }

    /** How many products are filed directly under each category. */
    Map<Integer, Integer> countsByCategory() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (ObjectNode p : products.values()) {
            JsonNode links = p.path("extension_attributes").path("category_links");
            links.forEach(link -> counts.merge(link.path("category_id").asInt(), 1, Integer::sum));
        }
        return counts;
    }

    static String key(String sku) {
        return sku.toLowerCase(Locale.ROOT);
    }

    private String now() {
        return MagentoTime.format(clock.instant());
    }
}
