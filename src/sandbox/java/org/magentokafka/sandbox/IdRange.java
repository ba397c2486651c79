package org.magentokafka.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.NavigableMap;

/**
 * The id bounds a searchCriteria puts on a collection's primary key when that is all it filters on, as keyset
 * paging does ({@code entity_id gt 1200 AND entity_id lteq 2400}). A store answers such a page from the primary
 * key index without touching other rows; the sandbox does the same with its id-ordered map. The filters are still
 * applied to the rows in range afterwards, so this only narrows, never decides.
 */
record IdRange(Integer lower, boolean lowerInclusive, Integer upper, boolean upperInclusive) {

    /** @return null when some filter is not a plain comparison on {@code idField} (then the whole table is searched) */
    static IdRange of(SearchQuery criteria, String idField) {
        if (criteria.filterGroups().isEmpty()) {
            return null;
        }
        Integer lower = null;
        Integer upper = null;
        boolean lowerInclusive = true;
        boolean upperInclusive = true;
        for (List<SearchQuery.Filter> group : criteria.filterGroups()) {
            if (group.size() != 1 || !idField.equals(group.get(0).field())) {
                return null;
            }
            Integer value = integer(group.get(0).value());
            if (value == null) {
                return null;
            }
            switch (group.get(0).condition()) {
                case "gt", "gteq", "from", "moreq" -> {
                    if (lower == null || value >= lower) {
                        lowerInclusive = !"gt".equals(group.get(0).condition());
                        lower = value;
                    }
                }
                case "lt", "lteq", "to" -> {
                    if (upper == null || value <= upper) {
                        upperInclusive = !"lt".equals(group.get(0).condition());
                        upper = value;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return new IdRange(lower, lowerInclusive, upper, upperInclusive);
    }

    <V> NavigableMap<Integer, V> of(NavigableMap<Integer, V> byId) {
        if (lower != null && upper != null
            && (lower > upper || (lower.equals(upper) && !(lowerInclusive && upperInclusive)))) {
            // A range that holds nothing (id > 10 AND id <= 10) matches no row, as MySQL's WHERE does.
            return java.util.Collections.emptyNavigableMap();
        }
        NavigableMap<Integer, V> view = byId;
        if (lower != null) {
            view = view.tailMap(lower, lowerInclusive);
        }
        if (upper != null) {
            view = view.headMap(upper, upperInclusive);
        }
        return view;
    }

    private static Integer integer(String value) {
        try {
            BigDecimal number = new BigDecimal(value == null ? "" : value.trim());
            return number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
