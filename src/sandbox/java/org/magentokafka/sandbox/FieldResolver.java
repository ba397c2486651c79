package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** How searchCriteria field names map onto one kind of entity. */
interface FieldResolver {

    /**
     * The values of a field on an item as MySQL would compare them: empty when the column is
     * NULL, several when the field is a join (a product in several categories).
     *
     * @return null when the entity has no such field at all
     */
    List<String> values(ObjectNode item, String field);

    /** What Magento answers for a filter on a field the entity does not have. */
    MagentoError unknownFilterField(String field);

    /**
     * What Magento answers for a sort on an unknown field; null means it is silently ignored
     * (the EAV product collection does that).
     */
    MagentoError unknownSortField(String field);

    /** Flattens a JSON value the way it sits in a MySQL column. */
    static List<String> columnValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(element -> values.addAll(columnValues(element)));
        } else if (node.isBoolean()) {
            values.add(node.booleanValue() ? "1" : "0");
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
