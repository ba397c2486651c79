package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A parsed searchCriteria. Fields the caller did not send stay null so the echo in
 * "search_criteria" shows only what was asked, as Magento's data objects do.
 */
record SearchQuery(List<List<Filter>> filterGroups, List<Sort> sortOrders, Integer pageSize, Integer currentPage) {

    static final SearchQuery NONE = new SearchQuery(List.of(), List.of(), null, null);

    record Filter(String field, String value, String conditionType) {
        /** Magento's default when conditionType is missing. */
        String condition() {
            return conditionType == null || conditionType.isEmpty() ? "eq" : conditionType.toLowerCase(Locale.ROOT);
        }
    }

    record Sort(String field, String direction) {
        boolean descending() {
            return "DESC".equalsIgnoreCase(direction);
        }
    }

    /** The SKUs one filter group pins the answer to ({@code sku eq/in} alone in its group), or null. */
    List<String> skusRequired() {
        for (List<Filter> group : filterGroups) {
            if (group.size() == 1 && "sku".equals(group.get(0).field()) && group.get(0).value() != null) {
                String condition = group.get(0).condition();
                if ("in".equals(condition)) {
                    return Arrays.stream(group.get(0).value().split(",")).map(String::trim).toList();
                }
                if ("eq".equals(condition)) {
                    return List.of(group.get(0).value());
                }
            }
        }
        return null;
    }

    ObjectNode toJson() {
        ObjectNode node = MagentoJson.MAPPER.createObjectNode();
        ArrayNode groups = node.putArray("filter_groups");
        for (List<Filter> group : filterGroups) {
            ArrayNode filters = groups.addObject().putArray("filters");
            for (Filter f : group) {
                ObjectNode filter = filters.addObject();
                filter.put("field", f.field());
                filter.put("value", f.value());
                if (f.conditionType() != null) {
                    filter.put("condition_type", f.conditionType());
                }
            }
        }
        if (!sortOrders.isEmpty()) {
            ArrayNode sorts = node.putArray("sort_orders");
            for (Sort s : sortOrders) {
                sorts.addObject().put("field", s.field()).put("direction", s.direction());
            }
        }
        if (pageSize != null) {
            node.put("page_size", pageSize);
        }
        if (currentPage != null) {
            node.put("current_page", currentPage);
        }
        return node;
    }
}
