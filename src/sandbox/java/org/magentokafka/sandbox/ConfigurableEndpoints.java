package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** GET /V1/configurable-products/{sku}/children (Magento\ConfigurableProduct\Api\LinkManagementInterface). */
final class ConfigurableEndpoints {

    private ConfigurableEndpoints() {
    }

    /** The children as products of the store view; a product that is not a configurable has none. */
    static JsonNode children(RestCall call) {
        SandboxCatalog catalog = call.catalog();
        ObjectNode parent = catalog.productNode(call.param(0));
        if (parent == null) {
            throw MagentoError.of(404, "The product that was requested doesn't exist. Verify the product and try again.");
        }
        List<Integer> ids = new ArrayList<>();
        parent.path("extension_attributes").path("configurable_product_links").forEach(id -> ids.add(id.asInt()));
        ArrayNode children = MagentoJson.MAPPER.createArrayNode();
        for (ObjectNode child : catalog.productNodesById(ids)) {
            children.add(catalog.productInStore(child, call.store().code()));
        }
        return children;
    }
}
