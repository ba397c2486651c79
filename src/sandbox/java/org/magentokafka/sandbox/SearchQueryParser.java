package org.magentokafka.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;

/**
 * Reads searchCriteria[...] query parameters. Magento's input processor accepts camelCase and
 * snake_case keys alike (pageSize / page_size), so names are compared without "_" and case.
 */
final class SearchQueryParser {

    private static final Pattern FILTER = Pattern.compile(
            "searchcriteria\\[filtergroups]\\[(\\d+)]\\[filters]\\[(\\d+)]\\[(field|value|conditiontype)]");
    private static final Pattern SORT = Pattern.compile("searchcriteria\\[sortorders]\\[(\\d+)]\\[(field|direction)]");

    private final int maxPageSize;

    SearchQueryParser(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    SearchQuery parse(QueryString query) {
        Map<Integer, Map<Integer, Map<String, String>>> groups = new TreeMap<>();
        Map<Integer, Map<String, String>> sorts = new TreeMap<>();
        Integer pageSize = null;
        Integer currentPage = null;
        for (Map.Entry<String, String> pair : query.pairs()) {
            String key = pair.getKey().replace("_", "").toLowerCase(Locale.ROOT);
            Matcher m;
            if (key.equals("searchcriteria[pagesize]")) {
                pageSize = intParameter(pair.getValue());
            } else if (key.equals("searchcriteria[currentpage]")) {
                currentPage = intParameter(pair.getValue());
            } else if ((m = FILTER.matcher(key)).matches()) {
                groups.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(m.group(2)), j -> new TreeMap<>())
                        .put(m.group(3), pair.getValue());
            } else if ((m = SORT.matcher(key)).matches()) {
                sorts.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeMap<>()).put(m.group(2), pair.getValue());
            }
        }
        if (pageSize != null && maxPageSize > 0 && pageSize > maxPageSize) {
            throw MagentoError.named(400, "Maximum SearchQuery pageSize is %max", Map.of("max", maxPageSize));
        }
        return new SearchQuery(filterGroups(groups), sortOrders(sorts), pageSize, currentPage);
    }

    private static List<List<SearchQuery.Filter>> filterGroups(Map<Integer, Map<Integer, Map<String, String>>> groups) {
        List<List<SearchQuery.Filter>> result = new ArrayList<>();
        for (Map<Integer, Map<String, String>> group : groups.values()) {
            List<SearchQuery.Filter> filters = new ArrayList<>();
            for (Map<String, String> f : group.values()) {
                // field and value are required properties of a Filter data object.
                requireField(f.get("field"), "field");
                requireField(f.get("value"), "value");
                filters.add(new SearchQuery.Filter(f.get("field"), f.get("value"), f.get("conditiontype")));
            }
            result.add(List.copyOf(filters));
        }
        return List.copyOf(result);
    }

    private static List<SearchQuery.Sort> sortOrders(Map<Integer, Map<String, String>> sorts) {
        List<SearchQuery.Sort> result = new ArrayList<>();
        for (Map<String, String> s : sorts.values()) {
            String field = s.get("field");
            if (field == null || field.isEmpty()) {
                continue;
            }
            String direction = s.getOrDefault("direction", "ASC");
            if (!direction.equalsIgnoreCase("ASC") && !direction.equalsIgnoreCase("DESC")) {
                throw MagentoError.positional(400,
                        "Sort order \"%1\" is not supported. Choose either \"ASC\" or \"DESC\".", direction);
            }
            result.add(new SearchQuery.Sort(field, direction));
        }
        return List.copyOf(result);
    }

    private static void requireField(String value, String name) {
        if (value == null) {
            throw MagentoError.named(400, "\"%fieldName\" is required. Enter and try again.",
                    Map.of("fieldName", name));
        }
    }

    /** An int request parameter, or Magento's 400 for one that is not (shared by every endpoint reading one). */
    static int intParameter(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("value", value);
            parameters.put("type", "int");
            throw MagentoError.named(400,
                    "The \"%value\" value's type is invalid. The \"%type\" type was expected. Verify and try again.",
                    parameters);
        }
    }
}
