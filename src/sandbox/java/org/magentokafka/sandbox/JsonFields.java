package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link FieldResolver} over JSON items: top-level fields, aliases for the database column names
 * Magento filters on (entity_id, page_id, is_active), custom attributes, and extra computed fields.
 */
final class JsonFields implements FieldResolver {

    private final Map<String, String> aliases;
    private final Set<String> topLevel;
    private final Set<String> customAttributes;
    private final Map<String, Function<ObjectNode, List<String>>> computed;
    private final Function<String, MagentoError> unknownFilter;
    private final Function<String, MagentoError> unknownSort;

    /**
     * @param unknownSort null when an unknown sort field is silently ignored
     */
    JsonFields(Map<String, String> aliases, Set<String> topLevel, Set<String> customAttributes,
               Map<String, Function<ObjectNode, List<String>>> computed,
               Function<String, MagentoError> unknownFilter, Function<String, MagentoError> unknownSort) {
        this.aliases = aliases;
        this.topLevel = topLevel;
        this.customAttributes = customAttributes;
        this.computed = computed;
        this.unknownFilter = unknownFilter;
        this.unknownSort = unknownSort;
    }

    /** Unknown columns make MySQL fail; Magento masks that as a 500 with a report id. */
    static Function<String, MagentoError> sqlError() {
        return field -> MagentoError.internalError(ReportIds.next());
    }

    /** EAV collections refuse unknown attributes with a 400. */
    static Function<String, MagentoError> invalidAttribute() {
        return field -> MagentoError.positional(400, "Invalid attribute name: %1", field);
    }

    @Override
    public List<String> values(ObjectNode item, String field) {
        String name = aliases.getOrDefault(field, field);
        Function<ObjectNode, List<String>> function = computed.get(name);
        if (function != null) {
            return function.apply(item);
        }
        if (topLevel.contains(name)) {
            return FieldResolver.columnValues(item.get(name));
        }
        if (customAttributes.contains(name)) {
            for (JsonNode attribute : item.path("custom_attributes")) {
                if (name.equals(attribute.path("attribute_code").asText())) {
                    return FieldResolver.columnValues(attribute.get("value"));
                }
            }
            return List.of();
        }
        return null;
    }

    @Override
    public MagentoError unknownFilterField(String field) {
        return unknownFilter.apply(field);
    }

    @Override
    public MagentoError unknownSortField(String field) {
        return unknownSort == null ? null : unknownSort.apply(field);
    }
}
