package org.magentokafka.events;

import org.apache.camel.Exchange;

/**
 * The record that follows a {@code deleted} event, as Debezium does: same key and topic (so the same partition,
 * right after it), null value, so log compaction eventually drops the key. It keeps the deleted event's
 * {@code ce_*} headers (same id) and has no {@code content-type}: a CloudEvents SDK reads it as the same deleted
 * event again without data, a duplicate by id, instead of failing on a record that has no CloudEvent encoding.
 */
public final class Tombstone {

    private Tombstone() {
    }

    public static Exchange after(Exchange deletedEvent) {
        Exchange tombstone = deletedEvent.copy();
        tombstone.getMessage().setBody(null);
        tombstone.getMessage().removeHeader(CloudEvent.CONTENT_TYPE_HEADER);
        return tombstone;
    }
}
