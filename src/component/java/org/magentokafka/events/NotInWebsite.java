package org.magentokafka.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A product of the page that is not assigned to the store view's website ({@code GET /rest/<store>/V1/products}
 * lists every website's products), carried through the route in place of its document: the change detector
 * publishes nothing for it, or a {@code deleted} event and a tombstone on that store view's topic when it was
 * published there before (it was removed from the website).
 */
public final class NotInWebsite {

    public static final String MARKER = "__magento_not_in_website";

    private NotInWebsite() {
    }

    public static Map<String, Object> marker(String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(MARKER, key);
        return m;
    }

    public static boolean isMarker(Map<?, ?> document) {
        return document.containsKey(MARKER);
    }
}
