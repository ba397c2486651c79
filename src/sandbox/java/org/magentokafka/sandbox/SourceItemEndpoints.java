package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        List<String> skus = criteria.skusRequired();
        // All filters still apply to the narrowed rows; the index only spares the scan, as MySQL's would.
        List<ObjectNode> items = skus == null ? call.catalog().sourceItemNodes() : call.catalog().sourceItemNodesOf(skus);
        return CollectionSearch.search(items, criteria, FIELDS).toJson(i -> i);
    }
}
