package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET /V1/orders (OrderRepositoryInterface::getList, ACL Magento_Sales::actions_view) and GET /V1/creditmemos
 * (CreditmemoRepositoryInterface::getList, ACL Magento_Sales::sales_creditmemo), Magento_Sales etc/webapi.xml. Both
 * search a flat table's collection (sales_order, sales_creditmemo), so searchCriteria behaves as on the other
 * collections ({@link CollectionSearch}: a page past the end repeats the last one, no pageSize is the whole table),
 * a filter or sort on a column the table lacks is a SQL error, masked as a 500, and the natural order is entity_id.
 * Orders carry customer data; a client that needs only keys and timestamps asks for them with {@code fields=}.
 */
final class SalesEndpoints {

    /** sales_order columns an order document shows (nullable ones included: a filter on them is valid SQL). */
    static final FieldResolver ORDER_FIELDS = new JsonFields(Map.of(), Set.of("entity_id", "increment_id", "state",
            "status", "store_id", "store_name", "created_at", "updated_at", "customer_id", "customer_email",
            "customer_firstname", "customer_lastname", "customer_middlename", "customer_group_id", "customer_is_guest",
            "customer_dob", "customer_gender", "customer_taxvat", "remote_ip", "x_forwarded_for", "coupon_code",
            "quote_id", "billing_address_id", "grand_total", "base_grand_total", "subtotal", "base_subtotal",
            "shipping_amount", "base_shipping_amount", "total_due", "total_canceled", "total_refunded",
            "base_total_refunded", "total_qty_ordered", "total_item_count", "order_currency_code", "base_currency_code",
            "global_currency_code", "store_currency_code", "shipping_description", "is_virtual", "email_sent",
            "weight", "ext_order_id", "protect_code"), Set.of(), Map.of(), JsonFields.sqlError(), JsonFields.sqlError());

    /** sales_creditmemo columns. */
    static final FieldResolver CREDITMEMO_FIELDS = new JsonFields(Map.of(), Set.of("entity_id", "increment_id",
            "order_id", "state", "store_id", "created_at", "updated_at", "billing_address_id", "shipping_address_id",
            "grand_total", "base_grand_total", "subtotal", "base_subtotal", "shipping_amount", "adjustment",
            "order_currency_code", "base_currency_code", "invoice_id", "creditmemo_status", "email_sent",
            "transaction_id"), Set.of(), Map.of(), JsonFields.sqlError(), JsonFields.sqlError());

    private SalesEndpoints() {
    }

    static List<Route> routes() {
        return List.of(Route.get("orders", AclResources.SALES_ORDERS, SalesEndpoints::orders),
                Route.get("creditmemos", AclResources.SALES_CREDIT_MEMOS, SalesEndpoints::creditmemos));
    }

    static JsonNode orders(RestCall call) {
        return CollectionSearch.search(call.catalog().storefront().orders().orders(), call.searchCriteria(), ORDER_FIELDS)
                .toJson(item -> item);
    }

    static JsonNode creditmemos(RestCall call) {
        return CollectionSearch.search(call.catalog().storefront().orders().creditmemos(), call.searchCriteria(),
                CREDITMEMO_FIELDS).toJson(item -> item);
    }
}
