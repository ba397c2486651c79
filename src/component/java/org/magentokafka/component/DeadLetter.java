package org.magentokafka.component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An item the connector cannot publish (no key, wrong types), carried through the route in place of its document
 * and published to the dead-letter topic as {@code {stream, store_code, reason, item}} with the raw item, so
 * nothing is silently skipped.
 */
final class DeadLetter {

    static final String MARKER = "__magento_dead_letter";

    private DeadLetter() {
    }

    static Map<String, Object> marker(Object item, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(MARKER, reason);
        m.put("item", item);
        return m;
    }

    static boolean isMarker(Map<?, ?> document) {
        return document.containsKey(MARKER);
    }

    static Map<String, Object> record(String stream, String store, String reason, Object item) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("stream", stream);
        r.put("store_code", store);
        r.put("reason", reason);
        r.put("item", item);
        return r;
    }
}
