package org.magentokafka.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A decoded query string, decoded the way PHP's parse_str does ("+" is a space). */
final class QueryString {

    private final List<Map.Entry<String, String>> pairs;

    private QueryString(List<Map.Entry<String, String>> pairs) {
        this.pairs = pairs;
    }

    static QueryString parse(String rawQuery) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                String value = eq < 0 ? "" : part.substring(eq + 1);
                pairs.add(Map.entry(decode(name), decode(value)));
            }
        }
        return new QueryString(Collections.unmodifiableList(pairs));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // PHP keeps a malformed escape as it is rather than failing the request.
            return s;
        }
    }

    List<Map.Entry<String, String>> pairs() {
        return pairs;
    }

    /** Last value wins for a repeated name, as in PHP (names ending in [] are the exception). */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs) {
            map.put(pair.getKey(), pair.getValue());
        }
        return map;
    }

    /** Values of a PHP list parameter such as storeCodes[]=a&storeCodes[]=b or storeCodes[0]=a. */
    List<String> list(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> pair : pairs) {
            String key = pair.getKey();
            if (key.startsWith(name + "[") && key.endsWith("]")) {
                values.add(pair.getValue());
            }
        }
        return values;
    }
}
