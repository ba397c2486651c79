package org.magentokafka.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.magentokafka.change.ContentHash;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the value is the data.
 * The id is derived from the key and the content hash, so re-sending the same content yields the same id and a
 * consumer can recognise the duplicate.
 */
public final class CloudEvent {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    private CloudEvent() {
    }

    public static Map<String, Object> headers(String entity, ChangeType type, String key, long hash, String source, Instant time) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("ce_specversion", SPEC_VERSION);
        h.put("ce_id", id(entity, type, key, hash));
        h.put("ce_source", source);
        h.put("ce_type", "magento." + entity + "." + type.wireName());
        h.put("ce_subject", key);
        h.put("ce_time", time.toString());
        h.put("content-type", CONTENT_TYPE);
        return h;
    }

    static String id(String entity, ChangeType type, String key, long hash) {
        String name = entity + "|" + type.wireName() + "|" + key + "|" + ContentHash.hex(hash);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
