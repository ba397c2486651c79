package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** GET /V1/cmsPage/search (Magento\Cms\Api\PageRepositoryInterface::getList). */
final class CmsPageEndpoints {

    /** Filters name table columns: page_id and is_active, while the JSON says id and active. */
    static final FieldResolver FIELDS = new JsonFields(
            Map.of("page_id", "id", "is_active", "active"),
            Set.of("id", "identifier", "title", "page_layout", "meta_title", "meta_keywords", "meta_description",
                    "content_heading", "content", "creation_time", "update_time", "sort_order", "custom_theme",
                    "custom_root_template", "active"),
            Set.of(),
            // Pages are in every store view of the sandbox (store 0 = all).
            Map.<String, Function<ObjectNode, List<String>>>of("store_id", page -> List.of("0")),
            JsonFields.sqlError(),
            JsonFields.sqlError());

    private CmsPageEndpoints() {
    }

    static JsonNode search(RestCall call) {
        return CollectionSearch.search(call.catalog().cmsPageNodes(), call.searchCriteria(), FIELDS).toJson(p -> p);
    }
}
