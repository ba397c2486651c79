package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code fields=} partial response of every REST answer, as Magento's
 * {@code Magento\Framework\Webapi\Rest\Response\FieldsFilter} computes it (SynchronousRequestProcessor applies it to
 * any /V1 answer that is an array or object, when the parameter is truthy in PHP: "" and "0" leave the answer
 * whole). The rules, ported from its parse() and applyFilter():
 * <ul>
 *   <li>only letters, digits, {@code _}, {@code [}, {@code ]} and {@code ,} (PCRE {@code [^\w\[\],]}), and every
 *       {@code [} closed; otherwise the whole body is {@code []}, still a 200. A parameter sent as a PHP array
 *       ({@code fields[0]=...}) is not a string: {@code []} too;</li>
 *   <li>keys not named are dropped, {@code total_count} and {@code search_criteria} included; names the answer
 *       lacks are silently ignored; kept keys keep the answer's order ({@code array_intersect_key});</li>
 *   <li>a list (PHP array without string keys) is filtered element by element, so an empty list, or an empty
 *       object, that a sub-filter reaches becomes {@code null} ({@code $arrayIntersect} never assigned);</li>
 *   <li>an object left with no key is an empty PHP array, which json_encode writes {@code []}.</li>
 * </ul>
 */
final class FieldsProjection {

    static final String PARAMETER = "fields";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_\\[\\],]+");
    /** A leaf of the parsed filter: keep the value whole (PHP's {@code 1}). */
    private static final Object WHOLE = Boolean.TRUE;

    private FieldsProjection() {
    }

    /** The answer as Magento sends it for this query string. */
    static JsonNode apply(QueryString query, JsonNode answer) {
        if (answer == null || !answer.isContainerNode()) {
            return answer;
        }
        String value = null;
        boolean array = false;
        for (Map.Entry<String, String> pair : query.pairs()) {
            // PHP's parse_str: the last occurrence wins, "fields[..]" makes the parameter an array.
            if (pair.getKey().equals(PARAMETER)) {
                value = pair.getValue();
                array = false;
            } else if (pair.getKey().startsWith(PARAMETER + "[")) {
                array = true;
            }
        }
        if (array) {
            return MagentoJson.MAPPER.createArrayNode();
        }
        if (value == null || value.isEmpty() || "0".equals(value)) {
            return answer;
        }
        Map<String, Object> filter = parse(value);
        return filter == null ? MagentoJson.MAPPER.createArrayNode() : filtered(answer, filter);
    }

    /**
     * The filter tree (name → {@link #WHOLE} or a nested map), or null when Magento finds it invalid. A port of
     * FieldsFilter::parse, quirks included: a {@code ]} without its {@code [} is not an error (PHP creates the array
     * it pops), a bracket without a name before it files its content under "".
     */
    static Map<String, Object> parse(String filter) {
        if (filter.isEmpty() || !ALLOWED.matcher(filter).matches()) {
            return null;
        }
        Integer start = null;
        Map<String, Object> current = new LinkedHashMap<>();
        List<Map<String, Object>> stack = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        String element = null;
        for (int position = 0; position < filter.length(); position++) {
            char c = filter.charAt(position);
            if (c == '[' || c == ']' || c == ',') {
                if (start != null) {
                    element = filter.substring(start, position);
                    current.put(element, WHOLE);
                }
                start = null;
            }
            switch (c) {
                case '[' -> {
                    parents.add(element);
                    stack.add(current);
                    current = new LinkedHashMap<>();
                }
                case ']' -> {
                    Map<String, Object> inner = current;
                    current = stack.isEmpty() ? new LinkedHashMap<>() : stack.remove(stack.size() - 1);
                    String parent = parents.isEmpty() ? null : parents.remove(parents.size() - 1);
                    current.put(parent == null ? "" : parent, inner);
                }
                case ',' -> {
                }
                default -> {
                    if (start == null) {
                        start = position;
                    }
                }
            }
        }
        if (!stack.isEmpty()) {
            return null;
        }
        if (start != null) {
            current.put(filter.substring(start), WHOLE);
        }
        return current;
    }

    /** FieldsFilter::applyFilter: a list element by element, an object key by key; null for an empty one. */
    static JsonNode filtered(JsonNode node, Map<String, Object> filter) {
        if (node.isArray() || node.isObject() && node.isEmpty()) {
            if (node.isEmpty()) {
                return NullNode.getInstance();
            }
            ArrayNode list = MagentoJson.MAPPER.createArrayNode();
            for (JsonNode element : node) {
                // PHP would fail on a scalar element (a TypeError); the sandbox keeps it as it is.
                list.add(element.isObject() ? intersect((ObjectNode) element, filter) : element);
            }
            return list;
        }
        return intersect((ObjectNode) node, filter);
    }

    @SuppressWarnings("unchecked")
    private static JsonNode intersect(ObjectNode object, Map<String, Object> filter) {
        ObjectNode kept = MagentoJson.MAPPER.createObjectNode();
        object.fields().forEachRemaining(field -> {
            Object rule = filter.get(field.getKey());
            if (rule == null) {
                return;
            }
            JsonNode value = field.getValue();
            kept.set(field.getKey(), rule instanceof Map<?, ?> sub && value.isContainerNode()
                    ? filtered(value, (Map<String, Object>) sub) : value);
        });
        return kept.isEmpty() ? MagentoJson.MAPPER.createArrayNode() : kept;
    }
}
