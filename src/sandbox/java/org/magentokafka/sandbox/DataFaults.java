package org.magentokafka.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bad-data half of {@link Faults}: which products are sent wrong (by lower-case SKU), how total_count drifts
 * and how list answers contradict themselves. Immutable: {@link #copyOf} takes unmodifiable copies of the
 * builder's collections, so a {@link Faults} cannot change after it is built.
 */
record DataFaults(Map<String, Map<String, Faults.WrongType>> wrongTypeAttributes, Set<String> numbersAsStrings,
                  Set<String> missingSku, Set<String> duplicateAcrossPages, int totalCountDrift,
                  InconsistentLists inconsistentLists) {

    static DataFaults copyOf(Map<String, Map<String, Faults.WrongType>> wrongTypeAttributes,
                             Set<String> numbersAsStrings, Set<String> missingSku, Set<String> duplicateAcrossPages,
                             int totalCountDrift, InconsistentLists inconsistentLists) {
        Map<String, Map<String, Faults.WrongType>> wrong = new LinkedHashMap<>();
        wrongTypeAttributes.forEach((sku, byCode) ->
                wrong.put(sku, Collections.unmodifiableMap(new LinkedHashMap<>(byCode))));
        return new DataFaults(Collections.unmodifiableMap(wrong),
                Collections.unmodifiableSet(new TreeSet<>(numbersAsStrings)),
                Collections.unmodifiableSet(new TreeSet<>(missingSku)),
                Collections.unmodifiableSet(new TreeSet<>(duplicateAcrossPages)),
                totalCountDrift, inconsistentLists);
    }

    /** True when some product is sent wrong or total_count drifts (inconsistent lists are counted apart). */
    boolean hasBadData() {
        return !wrongTypeAttributes.isEmpty() || !numbersAsStrings.isEmpty() || !missingSku.isEmpty()
                || !duplicateAcrossPages.isEmpty() || totalCountDrift != 0;
    }
}
