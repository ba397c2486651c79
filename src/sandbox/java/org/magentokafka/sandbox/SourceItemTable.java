package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's source items (stock per SKU and source), indexed by SKU. Not thread-safe: {@link SandboxCatalog}
 * holds the lock around every call. Source items have no timestamp: change detection has to diff snapshots.
 */
final class SourceItemTable {

    private final LinkedHashMap<String, ObjectNode> sourceItems = new LinkedHashMap<>();
    /** Lower-case SKU → its source items, so a stock look-up by SKUs need not scan every source item. */
    private final Map<String, List<ObjectNode>> sourceItemsBySku = new HashMap<>();
    /** Source item key → insertion sequence: Magento's source_item_id, the order rows come back in. */
    private final Map<String, Long> sourceItemSequence = new HashMap<>();
    private long nextSourceItemSequence;

    List<ObjectNode> copies() {
        return sourceItems.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** Sets the quantity of a (sku, source) pair, creating it if needed; status follows (0 = out of stock). */
    void setQuantity(String sku, String sourceCode, double quantity) {
        ObjectNode item = MagentoJson.MAPPER.createObjectNode();
        item.put("sku", sku);
        item.put("source_code", sourceCode);
        if (quantity == Math.rint(quantity)) {
            item.put("quantity", (long) quantity);
        } else {
            item.put("quantity", quantity);
        }
        item.put("status", quantity > 0 ? 1 : 0);
        put(item);
    }

    void put(ObjectNode item) {
        String sku = item.get("sku").asText();
        String key = sourceKey(sku, item.get("source_code").asText());
        ObjectNode previous = sourceItems.put(key, item);
        List<ObjectNode> bySku = sourceItemsBySku.computeIfAbsent(ProductTable.key(sku), k -> new ArrayList<>());
        if (previous != null) {
            bySku.remove(previous);
        }
        bySku.add(item);
        sourceItemSequence.computeIfAbsent(key, k -> nextSourceItemSequence++);
    }

    boolean remove(String sku, String sourceCode) {
        String key = sourceKey(sku, sourceCode);
        ObjectNode removed = sourceItems.remove(key);
        if (removed == null) {
            return false;
        }
        sourceItemSequence.remove(key);
        List<ObjectNode> bySku = sourceItemsBySku.get(ProductTable.key(sku));
        if (bySku != null) {
            bySku.remove(removed);
            if (bySku.isEmpty()) {
                sourceItemsBySku.remove(ProductTable.key(sku));
            }
        }
        return true;
    }

    /** Removes the source items of exactly this SKU (same case), the stock of a deleted product. */
    void removeAllOf(String storedSku) {
        List<ObjectNode> stock = sourceItemsBySku.getOrDefault(ProductTable.key(storedSku), List.of());
        for (ObjectNode item : List.copyOf(stock)) {
            if (item.get("sku").asText().equals(storedSku)) {
                remove(storedSku, item.get("source_code").asText());
            }
        }
    }

    /**
     * The source items of these SKUs (compared case-insensitively, as MySQL does), in their natural order: what an
     * index on sku gives a real store for {@code sku in (...)}.
     */
    List<ObjectNode> nodesOf(Collection<String> skus) {
        List<ObjectNode> found = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (String sku : skus) {
            if (distinct.add(ProductTable.key(sku))) {
                found.addAll(sourceItemsBySku.getOrDefault(ProductTable.key(sku), List.of()));
            }
        }
        found.sort(Comparator.comparingLong(item ->
                sourceItemSequence.get(sourceKey(item.get("sku").asText(), item.get("source_code").asText()))));
        return found;
    }

    List<ObjectNode> nodes() {
        return new ArrayList<>(sourceItems.values());
    }

    private static String sourceKey(String sku, String source) {
        return sku + '\u0000' + source;
    }
}
