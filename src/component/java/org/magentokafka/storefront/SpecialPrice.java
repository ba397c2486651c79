package org.magentokafka.storefront;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product's special price and its window, from its {@code special_price}, {@code special_from_date} and
 * {@code special_to_date} attributes. Magento applies it on the days from {@code from} to {@code to}, both
 * inclusive, in the store view's time zone; either end may be open.
 *
 * @param price the special price as entered (the website's base currency)
 * @param from  the first day it applies, or null (since ever)
 * @param to    the last day it applies, or null (open-ended)
 */
record SpecialPrice(double price, LocalDate from, LocalDate to) {

    /** The product's special price, or null when it has none. */
    static SpecialPrice of(Map<String, Object> product) {
        String price = attribute(product, "special_price");
        if (price == null || price.isBlank()) {
            return null;
        }
        try {
            return new SpecialPrice(Double.parseDouble(price.strip()), day(attribute(product, "special_from_date")),
                    day(attribute(product, "special_to_date")));
        } catch (NumberFormatException notANumber) {
            return null; // a value Magento itself would not apply
        }
    }

    /** Whether it applies on this day (the store view's date). */
    boolean appliesOn(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** The event's {@code special}: {@code {price, from, to}}, dates as {@code YYYY-MM-DD} or null. */
    Map<String, Object> toEvent() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("price", price);
        out.put("from", from == null ? null : from.toString());
        out.put("to", to == null ? null : to.toString());
        return out;
    }

    /** Magento writes these dates as {@code 2024-01-01 00:00:00}; the day is what counts. */
    private static LocalDate day(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    static String attribute(Map<String, Object> product, String code) {
        if (product.get("custom_attributes") instanceof List<?> attributes) {
            for (Object a : attributes) {
                if (a instanceof Map<?, ?> attribute && code.equals(attribute.get("attribute_code"))) {
                    Object value = attribute.get("value");
                    return value == null ? null : value.toString();
                }
            }
        }
        return null;
    }
}
