package org.magentokafka.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Filters that ask for exactly these values of one field, in as few requests as Magento's list syntax allows.
 * Magento splits an {@code in} value on {@code ,} and trims each member, so a value that holds a comma or starts or
 * ends with a space (SKUs may: Magento accepts {@code ,}, {@code |}, {@code ;}, quotes, {@code /}, {@code %} ...)
 * can only be asked for on its own, with {@code eq}; the others go {@code chunk} at a time into {@code in} lists.
 */
public final class ValueFilters {

    private ValueFilters() {
    }

    /** One filter per request: {@code in} lists of at most {@code chunk} values, then one {@code eq} per odd value. */
    public static List<SearchCriteria.Filter> of(String field, Collection<String> values, int chunk) {
        List<SearchCriteria.Filter> filters = new ArrayList<>();
        List<String> listable = new ArrayList<>();
        List<SearchCriteria.Filter> alone = new ArrayList<>();
        for (String value : values) {
            if (listable(value)) {
                listable.add(value);
            } else {
                alone.add(new SearchCriteria.Filter(field, value, "eq"));
            }
        }
        for (int i = 0; i < listable.size(); i += chunk) {
            filters.add(new SearchCriteria.Filter(field, String.join(",", listable.subList(i, Math.min(listable.size(), i + chunk))), "in"));
        }
        filters.addAll(alone);
        return filters;
    }

    /** Whether Magento reads the value back unchanged from an {@code in} list. */
    static boolean listable(String value) {
        return !value.isEmpty() && value.indexOf(',') < 0 && value.equals(value.strip());
    }
}
