package org.magentokafka.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.magentokafka.change.ContentHash;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the value is the data.
 * <p>
 * The id is a name-based UUID of the entity, the type, the key's event sequence, the content hash and the key.
 * The sequence counts every event published for the key (kept in the state, never reset, not even by a delete),
 * so a new change never reuses an id, while the same change re-sent after a crash (published, not yet committed)
 * has the same sequence and content, hence the same id, and a consumer can drop the duplicate.
 */
public final class CloudEvent {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String CONTENT_TYPE_HEADER = "content-type";

    /** Marks ids of this scheme apart from the earlier one (entity, type, key and hash only): never the same name. */
    private static final String ID_SCHEME = "2";

    private CloudEvent() {
    }

    public static Map<String, Object> headers(String entity, ChangeType type, String key, int sequence, long hash,
                                              String source, Instant time) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("ce_specversion", SPEC_VERSION);
        h.put("ce_id", id(entity, type, key, sequence, hash));
        h.put("ce_source", source);
        h.put("ce_type", "magento." + entity + "." + type.wireName());
        h.put("ce_subject", key);
        h.put("ce_time", time.toString());
        h.put(CONTENT_TYPE_HEADER, CONTENT_TYPE);
        return h;
    }

    /** The key comes last: every part before it has no {@code |}, so two different inputs never share a name. */
    static String id(String entity, ChangeType type, String key, int sequence, long hash) {
        String name = ID_SCHEME + "|" + entity + "|" + type.wireName() + "|" + sequence + "|" + ContentHash.hex(hash) + "|" + key;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
