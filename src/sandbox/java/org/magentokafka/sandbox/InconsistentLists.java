package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * List answers that are valid per Magento's schema but cannot be true, as a mock server serving the official
 * schema with random data gives them. Applied to every searchCriteria list answer ({@code items},
 * {@code search_criteria}, {@code total_count}) after Magento built it; pages past the real end are still clamped
 * to the last page, as Magento does. Set with {@link Faults.Builder#inconsistentLists}, on a running store with
 * {@link SandboxStore#setInconsistentLists}.
 */
public enum InconsistentLists {
    /** Every list answer as Magento computes it (the default). */
    NONE,
    /** total_count is the true count negated, minus one: always below zero. */
    NEGATIVE_TOTAL_COUNT,
    /**
     * total_count is {@value #HUGE_COUNT} whatever the collection holds: its last page is short or, when
     * full, repeated for every page asked past it (a client that believes the count pages towards 400,000 pages
     * of 100).
     */
    HUGE_TOTAL_COUNT,
    /** Page 2 of a list of at least three pages holds only the first half of its items; the rest is true. */
    SHORT_PAGE_IN_THE_MIDDLE,
    /** total_count is 0 while the items are sent. */
    ZERO_TOTAL_COUNT_WITH_ITEMS;

    /** The count the mock server answered with (with a short page). */
    public static final long HUGE_COUNT = 39_735_576L;

    /** Rewrites a list answer in place; other bodies pass unchanged. @return whether anything was changed */
    boolean apply(JsonNode body) {
        if (this == NONE || !(body instanceof ObjectNode list) || !list.path("items").isArray()
            || !list.path("total_count").canConvertToLong()) {
            return false;
        }
        long total = list.get("total_count").asLong();
        switch (this) {
            case NEGATIVE_TOTAL_COUNT -> list.put("total_count", -total - 1);
            case HUGE_TOTAL_COUNT -> list.put("total_count", HUGE_COUNT);
            case ZERO_TOTAL_COUNT_WITH_ITEMS -> {
                if (list.get("items").isEmpty()) {
                    return false;
                }
                list.put("total_count", 0);
            }
            case SHORT_PAGE_IN_THE_MIDDLE -> {
                JsonNode criteria = list.path("search_criteria");
                int size = criteria.path("page_size").asInt(0);
                if (criteria.path("current_page").asInt(1) != 2 || size <= 0 || total <= 2L * size) {
                    return false;
                }
                ArrayNode items = (ArrayNode) list.get("items");
                int keep = items.size() / 2;
                while (items.size() > keep) {
                    items.remove(items.size() - 1);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
