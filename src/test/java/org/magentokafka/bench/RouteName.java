package org.magentokafka.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.magentokafka.sandbox.LoggedRequest;

/**
 * What a logged request asked for, with the store code and the keys stripped: its route ({@code GET /V1/products}),
 * its store view (the code in {@code /rest/<code>/V1/...}) and its variant (the filter fields and a {@code fields=}
 * projection), so idle requests can be counted per route and per store view.
 */
record RouteName(String route, String storeView, String variant) {

    /** Path segments Magento's routes spell out; any other segment is a key (a SKU, an id, an attribute code). */
    private static final Set<String> LITERALS = Set.of("V1", "products", "attributes", "categories", "list", "cmsPage",
            "search", "inventory", "source-items", "store", "storeViews", "storeConfigs", "integration", "admin",
            "customer", "token", "options", "children", "media", "websites", "configurable-products", "products-render-info",
            "stock-resolver", "export-stock-salable-qty", "dump-stock-index-data", "website", "orders", "creditmemos");
    private static final Pattern FILTER_FIELD = Pattern.compile("searchCriteria\\[(filterGroups|filter_groups)\\]\\[\\d+\\]\\[filters\\]\\[\\d+\\]\\[field\\]");
    /** The store view of a path without a store code: Magento answers it from the website's default store view. */
    static final String NO_STORE_CODE = "(none: default store view)";

    static RouteName of(LoggedRequest request, Set<String> storeCodes) {
        String path = request.path();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        List<String> parts = new ArrayList<>(List.of(path.split("/")));
        parts.removeIf(String::isEmpty);
        String store = NO_STORE_CODE;
        if (parts.size() > 1 && parts.get(0).equals("rest")) {
            parts.remove(0);
            if (storeCodes.contains(parts.get(0)) || parts.get(0).equals("all")) {
                store = parts.remove(0);
            }
        }
        StringBuilder route = new StringBuilder(request.method()).append(' ');
        for (String p : parts) {
            route.append('/').append(LITERALS.contains(p) ? p : "{key}");
        }
        return new RouteName(route.toString(), store, variant(request.query()));
    }

    /** E.g. {@code filter updated_at gteq}, {@code filter sku in}, {@code fields=}, or {@code all rows}. */
    private static String variant(Map<String, String> query) {
        Set<String> filters = new TreeSet<>();
        boolean projected = false;
        for (Map.Entry<String, String> e : query.entrySet()) {
            String k = e.getKey();
            // Magento reads both spellings: searchCriteria[filterGroups][0][filters][0][conditionType] and snake case.
            if (FILTER_FIELD.matcher(k).matches()) {
                String prefix = k.substring(0, k.length() - "[field]".length());
                String condition = query.getOrDefault(prefix + "[conditionType]", query.get(prefix + "[condition_type]"));
                filters.add(e.getValue() + " " + (condition == null ? "eq" : condition));
            } else if (k.equals("fields")) {
                projected = true;
            }
        }
        String v = filters.isEmpty() ? "all rows" : "filter " + String.join(", ", filters);
        return projected ? v + ", fields=" : v;
    }

    /** A full read of the collection (a scan page), not a look-up of given keys or of the rows changed since a time. */
    boolean scanPage() {
        return variant.startsWith("all rows");
    }
}
