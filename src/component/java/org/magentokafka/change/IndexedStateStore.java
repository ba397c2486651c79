package org.magentokafka.change;

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
    protected boolean fullPass;

    IndexedStateStore(CompactHashIndex hashes, String watermark) {
        this.hashes = hashes;
        this.watermark = watermark;
    }

    /** Writes these versions (a null hash: deleted) durably; throws when it could not. */
    protected abstract void persist(Map<String, KeyVersion> changes);

    /** Writes the watermark durably; throws when it could not. */
    protected abstract void persistWatermark(String value);

    /** Writes the request for a full pass durably; throws when it could not. */
    protected abstract void persistFullPass(boolean requested);

    @Override
    public synchronized boolean fullPassRequested() {
        return fullPass;
    }

    @Override
    public synchronized void requestFullPass(boolean requested) {
        if (requested != fullPass) {
            persistFullPass(requested);
            fullPass = requested;
        }
    }

    @Override
    public synchronized Long hash(String key) {
        return hashes.get(key);
    }

    @Override
    public synchronized KeyVersion version(String key) {
        return hashes.version(key);
    }

    @Override
    public synchronized void commit(Map<String, KeyVersion> changes) {
        if (changes.isEmpty()) {
            return;
        }
        persist(changes);
        changes.forEach(hashes::put);
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
