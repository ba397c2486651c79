package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/** GET /V1/products/attributes and /V1/products/attributes/{code}. */
final class AttributeEndpoints {

    static final FieldResolver FIELDS = new JsonFields(
            Map.of("frontend_label", "default_frontend_label"),
            Set.of("attribute_id", "attribute_code", "frontend_input", "entity_type_id", "is_required",
                    "is_user_defined", "default_frontend_label", "backend_type", "source_model", "scope",
                    "is_filterable", "is_filterable_in_search", "is_searchable", "is_comparable",
                    "is_visible_on_front", "used_in_product_listing", "used_for_sort_by", "is_used_in_grid",
                    "is_visible_in_grid", "is_filterable_in_grid", "position", "is_visible", "is_unique",
                    "is_wysiwyg_enabled", "is_html_allowed_on_front"),
            Set.of(),
            Map.of(),
            JsonFields.sqlError(),
            JsonFields.sqlError());

    private AttributeEndpoints() {
    }

    static JsonNode list(RestCall call) {
        SearchQuery criteria = call.searchCriteria();
        String store = call.store().code();
        return CollectionSearch.search(call.catalog().attributeNodes(), criteria, FIELDS)
                .toJson(a -> call.catalog().attributeInStore(a, store));
    }

    static JsonNode get(RestCall call) {
        ObjectNode attribute = call.catalog().attributeNode(call.param(0));
        if (attribute == null) {
            throw MagentoError.positional(404,
                    "The attribute with a \"%1\" attributeCode doesn't exist. Verify the attribute and try again.",
                    call.param(0));
        }
        return call.catalog().attributeInStore(attribute, call.store().code());
    }
}
