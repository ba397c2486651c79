package org.magentokafka.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An item the connector cannot publish (no key, wrong types), carried through the route in place of its document
 * and published to the dead-letter topic as {@code {stream, store_code, reason, item}} with the raw item, so
 * nothing is silently skipped.
 */
public final class DeadLetter {

    public static final String MARKER = "__magento_dead_letter";

    private DeadLetter() {
    }

    public static Map<String, Object> marker(Object item, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(MARKER, reason);
        m.put("item", item);
        return m;
    }

    public static boolean isMarker(Map<?, ?> document) {
        return document.containsKey(MARKER);
    }

    public static Map<String, Object> record(String stream, String store, String reason, Object item) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("stream", stream);
        r.put("store_code", store);
        r.put("reason", reason);
        r.put("item", item);
        return r;
    }
}
