package org.magentokafka.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a product event carries stock (docs/events.md, "Product event fields"): {@code inventory.sources[]} lists the
 * product's source items as read ({@code source_code}, {@code quantity}, {@code status}; {@code inventory.quantity} is
 * their sum), {@code salable} what the website's stock sells ({@code quantity}, {@code is_salable}, {@code stock_id};
 * {@code null} with a reason under {@code unknown} when the store refused the look-up). The connector publishes in
 * CloudEvents binary mode (the record's value is the event's data); a structured-mode event ({@code specversion} and
 * {@code data} in the value) is read through its {@code data}.
 */
final class StockEvents {

    private StockEvents() {
    }

    /** The event's data: the value itself (binary mode) or its {@code data} (structured mode); null for a tombstone. */
    static JsonNode data(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.has("specversion") && value.get("data") != null && value.get("data").isObject()) {
            return value.get("data");
        }
        return value;
    }

    /**
     * The quantity of the product's source item on {@code sourceCode} as the event carries it in
     * {@code inventory.sources}, or null when the event has no such source item (or no inventory: not granted, a
     * tombstone).
     */
    static Double sourceQuantity(JsonNode value, String sourceCode) {
        JsonNode data = data(value);
        if (data == null) {
            return null;
        }
        for (JsonNode source : data.path("inventory").path("sources")) {
            if (sourceCode.equals(source.path("source_code").asText(null))) {
                JsonNode quantity = source.get("quantity");
                return quantity == null || !quantity.isNumber() && !quantity.isTextual() ? null : quantity.asDouble();
            }
        }
        return null;
    }

    /** {@code salable.is_salable} of the event, or null when it does not say (salable null or unknown, a tombstone). */
    static Boolean isSalable(JsonNode value) {
        JsonNode data = data(value);
        JsonNode flag = data == null ? null : data.path("salable").get("is_salable");
        return flag == null || !flag.isBoolean() ? null : flag.booleanValue();
    }

    /** True when the event carries this quantity for the source item (within rounding of a JSON double). */
    static boolean carriesSourceQuantity(JsonNode value, String sourceCode, double quantity) {
        Double q = sourceQuantity(value, sourceCode);
        return q != null && Math.abs(q - quantity) < 1e-6;
    }

    /** True when the event says the product is sold out in its store view's website ({@code salable.is_salable: false}). */
    static boolean carriesSoldOut(JsonNode value) {
        return Boolean.FALSE.equals(isSalable(value));
    }
}
