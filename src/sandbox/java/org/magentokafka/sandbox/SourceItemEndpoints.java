package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET /V1/inventory/source-items (Magento\InventoryApi\Api\SourceItemRepositoryInterface). */
final class SourceItemEndpoints {

    static final FieldResolver FIELDS = new JsonFields(
            Map.of(),
            Set.of("sku", "source_code", "quantity", "status"),
            Set.of(),
            Map.of(),
            JsonFields.sqlError(),
            JsonFields.sqlError());

    private SourceItemEndpoints() {
    }

    static JsonNode list(RestCall call) {
        SearchQuery criteria = call.searchCriteria();
        List<String> skus = skusRequired(criteria);
        // All filters still apply to the narrowed rows; the index only spares the scan, as MySQL's would.
        List<ObjectNode> items = skus == null ? call.catalog().sourceItemNodes() : call.catalog().sourceItemNodesOf(skus);
        return CollectionSearch.search(items, criteria, FIELDS).toJson(i -> i);
    }

    /** The SKUs a filter group pins the result to ({@code sku eq/in} alone in its group), or null. */
    private static List<String> skusRequired(SearchQuery criteria) {
        for (List<SearchQuery.Filter> group : criteria.filterGroups()) {
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
}
