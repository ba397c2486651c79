package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Applies a searchCriteria to an in-memory collection the way Magento's collection processor and
 * MySQL would: OR inside a filter group, AND across groups, case-insensitive string comparison
 * (utf8 general collation), NULL failing every comparison, and a page number past the end
 * clamped to the last page (Magento\Theme\Plugin\Data\Collection) instead of an empty page.
 */
final class CollectionSearch {

    /** An item with no values: asking a resolver about it tells whether the field exists at all. */
    private static final ObjectNode PROBE = MagentoJson.MAPPER.createObjectNode();

    private CollectionSearch() {
    }

    /** @param items in the collection's natural order (primary key), which breaks sort ties */
    static SearchResult search(List<ObjectNode> items, SearchCriteria criteria, FieldResolver fields) {
        for (List<SearchCriteria.Filter> group : criteria.filterGroups()) {
            for (SearchCriteria.Filter filter : group) {
                if (fields.values(PROBE, filter.field()) == null) {
                    throw fields.unknownFilterField(filter.field());
                }
            }
        }
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode item : items) {
            if (criteria.filterGroups().stream().allMatch(group -> matchesAny(item, group, fields))) {
                matching.add(item);
            }
        }
        Comparator<ObjectNode> order = comparator(criteria.sortOrders(), fields);
        if (order != null) {
            matching.sort(order);
        }
        return new SearchResult(page(matching, criteria), matching.size(), criteria);
    }

    private static boolean matchesAny(ObjectNode item, List<SearchCriteria.Filter> group, FieldResolver fields) {
        for (SearchCriteria.Filter filter : group) {
            if (matches(fields.values(item, filter.field()), filter)) {
                return true;
            }
        }
        return group.isEmpty();
    }

    static boolean matches(List<String> values, SearchCriteria.Filter filter) {
        String target = filter.value();
        switch (filter.condition()) {
            case "null":
                return values.isEmpty();
            case "notnull":
                return !values.isEmpty();
            case "neq":
                return !values.isEmpty() && values.stream().noneMatch(v -> v.equalsIgnoreCase(target));
            case "nin":
                return !values.isEmpty() && values.stream().noneMatch(v -> inList(v, target));
            case "nlike":
                return !values.isEmpty() && values.stream().noneMatch(v -> like(target).matcher(v).matches());
            default:
                return values.stream().anyMatch(v -> matchesOne(v, filter.condition(), target));
        }
    }

    private static boolean matchesOne(String value, String condition, String target) {
        switch (condition) {
            case "gt":
                return compare(value, target) > 0;
            case "gteq":
            case "from":
            case "moreq":
                return compare(value, target) >= 0;
            case "lt":
                return compare(value, target) < 0;
            case "lteq":
            case "to":
                return compare(value, target) <= 0;
            case "in":
                return inList(value, target);
            case "like":
                return like(target).matcher(value).matches();
            case "finset":
                for (String member : value.split(",")) {
                    if (member.trim().equalsIgnoreCase(target.trim())) {
                        return true;
                    }
                }
                return false;
            default:
                // eq, and Magento treats unknown condition types as equality too.
                return value.equalsIgnoreCase(target);
        }
    }

    private static boolean inList(String value, String list) {
        for (String candidate : list.split(",")) {
            if (candidate.trim().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /** SQL LIKE: % is any run, _ is one character, everything else literal. */
    private static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** Numbers compare as numbers when both sides are numeric, otherwise as collated strings. */
    static int compare(String a, String b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
    }

    private static BigDecimal number(String s) {
        if (s == null || s.isEmpty() || s.length() > 40) {
            return null;
        }
        char first = s.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '.')) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Comparator<ObjectNode> comparator(List<SearchCriteria.Sort> sorts, FieldResolver fields) {
        Comparator<ObjectNode> result = null;
        for (SearchCriteria.Sort sort : sorts) {
            if (fields.values(PROBE, sort.field()) == null) {
                MagentoException error = fields.unknownSortField(sort.field());
                if (error != null) {
                    throw error;
                }
                continue;
            }
            Comparator<ObjectNode> one = (x, y) -> compareFirst(fields.values(x, sort.field()), fields.values(y, sort.field()));
            if (sort.descending()) {
                one = one.reversed();
            }
            result = result == null ? one : result.thenComparing(one);
        }
        return result;
    }

    /** MySQL puts NULL first in ascending order. */
    private static int compareFirst(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        return compare(a.get(0), b.get(0));
    }

    private static List<ObjectNode> page(List<ObjectNode> matching, SearchCriteria criteria) {
        Integer size = criteria.pageSize();
        if (size == null || size <= 0) {
            // No LIMIT at all: the whole collection in one answer (magento2 #16536).
            return matching;
        }
        int lastPage = Math.max(1, (matching.size() + size - 1) / size);
        int requested = criteria.currentPage() == null ? 1 : criteria.currentPage();
        int page = Math.min(Math.max(requested, 1), lastPage);
        int from = (page - 1) * size;
        return matching.subList(from, Math.min(from + size, matching.size()));
    }
}
