package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What GET /V1/orders and GET /V1/creditmemos answer for an order and a credit memo (sales-data-order-interface,
 * sales-data-creditmemo-interface), the fields a real 2.4 store fills for a Check / Money order with flat-rate
 * shipping and no tax. An order carries its customer's personal data ({@link FakeCustomers}); a credit memo does
 * not: it names its addresses by id only (billing_address_id, shipping_address_id).
 */
final class OrderDocuments {

    private OrderDocuments() {
    }

    static ObjectNode order(SalesOrder o) {
        FakeCustomers.Customer customer = FakeCustomers.of(o.id(), o.website());
        String currency = o.website().baseCurrency();
        boolean canceled = SalesOrder.CANCELED.equals(o.state());
        boolean refunded = SalesOrder.CLOSED.equals(o.state());
        ObjectNode order = MagentoJson.MAPPER.createObjectNode();
        order.put("base_currency_code", currency);
        order.put("base_discount_amount", 0);
        order.put("base_grand_total", o.grandTotal());
        order.put("base_shipping_amount", o.shipping());
        order.put("base_subtotal", o.subtotal());
        order.put("base_tax_amount", 0);
        order.put("base_to_global_rate", 1);
        order.put("base_to_order_rate", 1);
        if (canceled) {
            order.put("base_total_canceled", o.grandTotal());
        }
        if (refunded) {
            order.put("base_total_refunded", o.grandTotal());
        }
        order.put("billing_address_id", o.billingAddressId());
        order.put("created_at", o.createdAt());
        FakeCustomers.putCustomerFields(order, customer);
        order.put("discount_amount", 0);
        order.put("email_sent", 1);
        order.put("entity_id", o.id());
        order.put("global_currency_code", "USD");
        order.put("grand_total", o.grandTotal());
        order.put("increment_id", o.incrementId());
        order.put("is_virtual", 0);
        order.put("order_currency_code", currency);
        order.put("quote_id", o.id());
        order.put("shipping_amount", o.shipping());
        order.put("shipping_description", "Flat Rate - Fixed");
        order.put("state", o.state());
        order.put("status", o.status());
        order.put("store_currency_code", currency);
        order.put("store_id", o.store().id());
        order.put("store_name", o.website().name() + "\n" + o.website().name() + " Store\n" + o.store().name());
        order.put("subtotal", o.subtotal());
        order.put("subtotal_incl_tax", o.subtotal());
        order.put("tax_amount", 0);
        if (canceled) {
            order.put("total_canceled", o.grandTotal());
        }
        order.put("total_due", canceled || refunded ? 0 : o.grandTotal());
        order.put("total_item_count", 1);
        order.put("total_qty_ordered", o.quantity());
        if (refunded) {
            order.put("total_refunded", o.grandTotal());
        }
        order.put("updated_at", o.updatedAt());
        order.put("weight", o.line().weight() * o.quantity());
        ArrayNode items = order.putArray("items");
        items(o, items);
        order.set("billing_address", FakeCustomers.address(customer, "billing", o.billingAddressId(), o.id()));
        order.set("payment", FakeCustomers.payment(o));
        order.putArray("status_histories");
        ObjectNode extension = order.putObject("extension_attributes");
        ObjectNode assignment = extension.putArray("shipping_assignments").addObject();
        ObjectNode shipping = assignment.putObject("shipping");
        shipping.set("address", FakeCustomers.address(customer, "shipping", o.shippingAddressId(), o.id()));
        shipping.put("method", "flatrate_flatrate");
        shipping.putObject("total").put("base_shipping_amount", o.shipping()).put("base_shipping_incl_tax", o.shipping())
                .put("shipping_amount", o.shipping()).put("shipping_incl_tax", o.shipping());
        assignment.set("items", items.deepCopy());
        assignment.put("stock_id", o.website().stockId());
        extension.putArray("payment_additional_info").addObject().put("key", "method_title").put("value", "Check / Money order");
        extension.putArray("applied_taxes");
        extension.putArray("item_applied_taxes");
        return order;
    }

    /** The order's items: one for a simple product, the parent's then the child's for a configurable's child. */
    private static void items(SalesOrder o, ArrayNode items) {
        SalesOrder.OrderLine line = o.line();
        if (!line.configurable()) {
            items.add(item(o, o.firstItemId(), "simple", line.productId(), line.name(), line.price()));
            return;
        }
        ObjectNode parent = item(o, o.firstItemId(), "configurable", line.parentId(), line.parentName(), line.price());
        ObjectNode child = item(o, o.firstItemId() + 1, "simple", line.productId(), line.name(), 0);
        child.put("parent_item_id", parent.get("item_id").asInt());
        child.set("parent_item", parent.deepCopy());
        items.add(parent);
        items.add(child);
    }

    private static ObjectNode item(SalesOrder o, int itemId, String type, int productId, String name, double price) {
        double qty = o.quantity();
        double row = Math.round(price * qty * 100) / 100.0;
        ObjectNode item = MagentoJson.MAPPER.createObjectNode();
        item.put("amount_refunded", SalesOrder.CLOSED.equals(o.state()) ? row : 0);
        item.put("base_discount_amount", 0);
        item.put("base_original_price", price);
        item.put("base_price", price);
        item.put("base_price_incl_tax", price);
        item.put("base_row_total", row);
        item.put("base_row_total_incl_tax", row);
        item.put("base_tax_amount", 0);
        item.put("created_at", o.createdAt());
        item.put("discount_amount", 0);
        item.put("discount_percent", 0);
        item.put("free_shipping", 0);
        item.put("is_qty_decimal", 0);
        item.put("is_virtual", 0);
        item.put("item_id", itemId);
        item.put("name", name);
        item.put("no_discount", 0);
        item.put("order_id", o.id());
        item.put("original_price", price);
        item.put("price", price);
        item.put("price_incl_tax", price);
        item.put("product_id", productId);
        item.put("product_type", type);
        item.put("qty_canceled", SalesOrder.CANCELED.equals(o.state()) ? qty : 0);
        item.put("qty_invoiced", 0);
        item.put("qty_ordered", qty);
        item.put("qty_refunded", SalesOrder.CLOSED.equals(o.state()) ? qty : 0);
        item.put("qty_shipped", 0);
        item.put("quote_item_id", itemId);
        item.put("row_total", row);
        item.put("row_total_incl_tax", row);
        item.put("row_weight", o.line().weight() * qty);
        item.put("sku", o.line().sku());
        item.put("store_id", o.store().id());
        item.put("tax_amount", 0);
        item.put("tax_percent", 0);
        item.put("updated_at", o.updatedAt());
        item.put("weight", o.line().weight());
        return item;
    }

    /**
     * A credit memo refunding the whole order (state 2, Creditmemo::STATE_REFUNDED): one item per order item, with
     * the order item's SKU and product_id, the refunded quantity and the price (0 on a configurable's child item).
     */
    static ObjectNode creditmemo(int id, int firstItemId, SalesOrder o, String now) {
        String currency = o.website().baseCurrency();
        ObjectNode memo = MagentoJson.MAPPER.createObjectNode();
        memo.put("adjustment", 0);
        memo.put("adjustment_negative", 0);
        memo.put("adjustment_positive", 0);
        memo.put("base_adjustment", 0);
        memo.put("base_currency_code", currency);
        memo.put("base_discount_amount", 0);
        memo.put("base_grand_total", o.grandTotal());
        memo.put("base_shipping_amount", o.shipping());
        memo.put("base_subtotal", o.subtotal());
        memo.put("base_tax_amount", 0);
        memo.put("base_to_global_rate", 1);
        memo.put("base_to_order_rate", 1);
        memo.put("billing_address_id", o.billingAddressId());
        memo.put("created_at", now);
        memo.put("discount_amount", 0);
        memo.put("entity_id", id);
        memo.put("global_currency_code", "USD");
        memo.put("grand_total", o.grandTotal());
        memo.put("increment_id", String.format("%09d", id));
        memo.put("order_currency_code", currency);
        memo.put("order_id", o.id());
        memo.put("shipping_address_id", o.shippingAddressId());
        memo.put("shipping_amount", o.shipping());
        memo.put("shipping_incl_tax", o.shipping());
        memo.put("state", 2);
        memo.put("store_currency_code", currency);
        memo.put("store_id", o.store().id());
        memo.put("subtotal", o.subtotal());
        memo.put("subtotal_incl_tax", o.subtotal());
        memo.put("tax_amount", 0);
        memo.put("updated_at", now);
        ArrayNode items = memo.putArray("items");
        int itemId = firstItemId;
        for (var orderItem : order(o).get("items")) {
            double price = orderItem.get("price").asDouble();
            ObjectNode item = items.addObject();
            item.put("base_cost", 0);
            item.put("base_price", price);
            item.put("base_row_total", orderItem.get("row_total").asDouble());
            item.put("entity_id", itemId++);
            item.put("name", orderItem.get("name").asText());
            item.put("order_item_id", orderItem.get("item_id").asInt());
            item.put("parent_id", id);
            item.put("price", price);
            item.put("product_id", orderItem.get("product_id").asInt());
            item.put("qty", o.quantity());
            item.put("row_total", orderItem.get("row_total").asDouble());
            item.put("sku", orderItem.get("sku").asText());
        }
        memo.putArray("comments");
        return memo;
    }
}
