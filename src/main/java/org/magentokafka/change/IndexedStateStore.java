package org.magentokafka.change;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A state held in a {@link CompactHashIndex} and made durable by a subclass (a local file, a Kafka topic): every
 * change is persisted first and only then visible, so what the connector reads back was really committed.
 */
abstract class IndexedStateStore implements StateStore {

    protected final CompactHashIndex hashes;
    protected String watermark;

    IndexedStateStore(CompactHashIndex hashes, String watermark) {
        this.hashes = hashes;
        this.watermark = watermark;
    }

    /** Writes these hashes and deletions durably; throws when it could not. */
    protected abstract void persist(Map<String, Long> published, Collection<String> deleted);

    /** Writes the watermark durably; throws when it could not. */
    protected abstract void persistWatermark(String value);

    @Override
    public synchronized Long hash(String key) {
        return hashes.get(key);
    }

    @Override
    public synchronized void commit(Map<String, Long> published, Collection<String> deleted) {
        if (published.isEmpty() && deleted.isEmpty()) {
            return;
        }
        persist(published, deleted);
        published.forEach(hashes::put);
        deleted.forEach(hashes::remove);
    }

    @Override
    public synchronized String watermark() {
        return watermark;
    }

    @Override
    public synchronized void commitWatermark(String value) {
        if (value == null || value.equals(watermark)) {
            return;
        }
        persistWatermark(value);
        watermark = value;
    }

    @Override
    public synchronized Set<String> keys() {
        return hashes.keys();
    }

    @Override
    public synchronized void forEachKey(Consumer<String> action) {
        hashes.forEach((key, hash) -> action.accept(key));
    }

    @Override
    public synchronized int size() {
        return hashes.size();
    }
}
