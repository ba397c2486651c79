package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

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
        return CollectionSearch.search(call.catalog().sourceItemNodes(), call.searchCriteria(), FIELDS).toJson(i -> i);
    }
}
