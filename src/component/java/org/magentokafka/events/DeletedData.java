package org.magentokafka.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of a {@code magento.<entity>.deleted} event: which key of which store view vanished, and when the
 * connector found it gone (Magento keeps no record of deletions, so that is the closest there is).
 */
public final class DeletedData {

    private DeletedData() {
    }

    public static Map<String, Object> of(String key, String storeCode, Instant foundGone) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", key);
        data.put("store_code", storeCode);
        data.put("deleted_at", foundGone.toString());
        return data;
    }
}
