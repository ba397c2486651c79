package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One order of the sandbox as its state, from which {@link OrderDocuments} renders what GET /V1/orders answers: an
 * order is placed once and its state only moves forward (new → canceled, new → closed by a refund), so the document
 * is rebuilt from this record on each change and a listed document is never changed under a reader.
 *
 * @param firstItemId the order's first item_id (sales_order_item ids are global); a configurable child's order has
 *                    two items, the parent's then the child's
 * @param createdAt   Magento's "yyyy-MM-dd HH:mm:ss" in UTC, from the store's clock
 */
record SalesOrder(int id, int firstItemId, Website website, StoreView store, OrderLine line, double quantity,
                  String createdAt, String updatedAt, String state, String status) {

    static final String NEW = "new";
    static final String CANCELED = "canceled";
    static final String CLOSED = "closed";
    /** Magento's flat rate default: $5 per item. */
    static final double SHIPPING_PER_ITEM = 5.0;

    /**
     * The product ordered. A configurable's child is ordered through its parent, so Magento records a parent item
     * (type configurable, the parent's product_id and name, the child's SKU and the price) and a child item (type
     * simple, the child's product_id, price 0, parent_item_id).
     *
     * @param parentId null for a simple product sold on its own
     */
    record OrderLine(String sku, int productId, String name, double price, double weight, Integer parentId,
                     String parentName) {
        boolean configurable() {
            return parentId != null;
        }

        /** The line of a simple product, with its configurable parent when it is in one's configurable_product_links. */
        static OrderLine of(SandboxCatalog catalog, ObjectNode product) {
            int id = product.get("id").asInt();
            for (ObjectNode candidate : catalog.productNodes()) {
                if (SalableStock.isConfigurable(candidate)) {
                    for (JsonNode link : candidate.path("extension_attributes").path("configurable_product_links")) {
                        if (link.asInt() == id) {
                            return of(product, candidate.get("id").asInt(), candidate.get("name").asText());
                        }
                    }
                }
            }
            return of(product, null, null);
        }

        private static OrderLine of(ObjectNode product, Integer parentId, String parentName) {
            return new OrderLine(product.get("sku").asText(), product.get("id").asInt(), product.get("name").asText(),
                    product.path("price").asDouble(), product.path("weight").asDouble(1), parentId, parentName);
        }
    }

    SalesOrder moved(String newState, String newStatus, String now) {
        return new SalesOrder(id, firstItemId, website, store, line, quantity, createdAt, now, newState, newStatus);
    }

    String incrementId() {
        return String.format("%09d", id);
    }

    double subtotal() {
        return Math.round(line.price() * quantity * 100) / 100.0;
    }

    double shipping() {
        return SHIPPING_PER_ITEM * quantity;
    }

    double grandTotal() {
        return subtotal() + shipping();
    }

    /** Order addresses have their own ids (sales_order_address): the billing one, then the shipping one. */
    int billingAddressId() {
        return 2 * id - 1;
    }

    int shippingAddressId() {
        return 2 * id;
    }
}
