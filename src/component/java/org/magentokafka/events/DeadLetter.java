package org.magentokafka.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An item the connector cannot publish (no key, wrong types), carried through the route in place of its document
 * and published to the dead-letter topic as {@code {stream, store_code, reason, item}} with the raw item, so
 * nothing is silently skipped.
 */
public final class DeadLetter {

    /**
     * An item in place of its document, with why it cannot be published: a type of its own, out of band, so no
     * field of the store's data (a custom attribute, an extension's field) can pass for it.
     */
    public record Marker(Object item, String reason) {
    }

    private DeadLetter() {
    }

    public static Marker marker(Object item, String reason) {
        return new Marker(item, reason);
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
