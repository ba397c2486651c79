package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What magento/inventory computes for one website's stock: a simple's salable quantity is the quantity of its
 * in-stock source items on the stock's sources plus its reservations (orders reserve negative amounts); a
 * configurable has no source items and answers 0, salable when an enabled child of the website is
 * (InventoryExportStock, ExportStockSalableQtyTest). Reads the catalog's shared nodes, never changes them.
 */
final class SalableStock {

    /** One product's answer in export-stock-salable-qty. */
    record Salable(String sku, double quantity, boolean salable) {
        ObjectNode toJson() {
            ObjectNode item = MagentoJson.MAPPER.createObjectNode();
            item.put("sku", sku);
            item.put("qty", quantity);
            item.put("is_salable", salable);
            return item;
        }
    }

    private final SandboxCatalog catalog;
    private final Website website;
    private final Map<String, Double> reservations;

    /** @param reservations lower-case SKU → reserved quantity (negative for orders) in the website's stock */
    SalableStock(SandboxCatalog catalog, Website website, Map<String, Double> reservations) {
        this.catalog = catalog;
        this.website = website;
        this.reservations = reservations;
    }

    Salable of(ObjectNode product) {
        String sku = product.get("sku").asText();
        if (isConfigurable(product)) {
            boolean anyChild = false;
            for (ObjectNode child : enabledChildren(product)) {
                anyChild |= quantity(child) > 0;
            }
            return new Salable(sku, 0, anyChild);
        }
        double quantity = quantity(product);
        return new Salable(sku, quantity, quantity > 0);
    }

    /** The enabled children of a configurable that are in this website, in id order. */
    List<ObjectNode> enabledChildren(ObjectNode configurable) {
        List<Integer> ids = new ArrayList<>();
        configurable.path("extension_attributes").path("configurable_product_links").forEach(id -> ids.add(id.asInt()));
        List<ObjectNode> children = new ArrayList<>();
        for (ObjectNode child : catalog.productNodesById(ids)) {
            if (child.path("status").asInt() == 1 && inWebsite(child, website)) {
                children.add(child);
            }
        }
        return children;
    }

    private double quantity(ObjectNode product) {
        String sku = product.get("sku").asText();
        double sum = 0;
        for (ObjectNode item : catalog.sourceItemNodesOf(List.of(sku))) {
            if (item.path("status").asInt() == 1 && website.sources().contains(item.path("source_code").asText())) {
                sum += item.path("quantity").asDouble();
            }
        }
        sum += reservations.getOrDefault(ProductTable.key(sku), 0.0);
        return Math.max(0, sum);
    }

    static boolean isConfigurable(JsonNode product) {
        return "configurable".equals(product.path("type_id").asText());
    }

    static boolean inWebsite(JsonNode product, Website website) {
        for (JsonNode id : product.path("extension_attributes").path("website_ids")) {
            if (id.asInt() == website.id()) {
                return true;
            }
        }
        return false;
    }
}
