package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.UnaryOperator;

/** One page of a search and the size of the whole filtered collection. */
record SearchResult(List<ObjectNode> items, int totalCount, SearchQuery criteria) {

    /** The Magento search-results body; {@code view} adapts each item to the store view. */
    ObjectNode toJson(UnaryOperator<ObjectNode> view) {
        ObjectNode body = MagentoJson.MAPPER.createObjectNode();
        var array = body.putArray("items");
        items.forEach(item -> array.add(view.apply(item)));
        body.set("search_criteria", criteria.toJson());
        body.put("total_count", totalCount);
        return body;
    }
}
