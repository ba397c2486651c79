package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The keys of an answer that carry a shopper's personal data: the customer fields of an order
 * (sales-data-order-interface), its addresses and payment, and the shipping address under
 * {@code extension_attributes.shipping_assignments}. The request log notes every answer that sent any of them, so a
 * test can prove a client never received one. The scan stops at the first hit and only descends into containers,
 * so a page of products (none of these keys) costs one set lookup per key.
 */
final class PersonalData {

    static final Set<String> KEYS = Set.of("customer_email", "customer_firstname", "customer_lastname",
            "customer_middlename", "customer_dob", "customer_taxvat", "customer_id", "customer_gender", "remote_ip",
            "x_forwarded_for", "billing_address", "payment", "shipping_assignments");

    private PersonalData() {
    }

    /** Whether any object in the answer has one of {@link #KEYS}. */
    static boolean carriedBy(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (KEYS.contains(field.getKey())
                    || field.getValue().isContainerNode() && carriedBy(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isContainerNode() && carriedBy(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}
