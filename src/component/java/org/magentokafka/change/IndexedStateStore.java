package org.magentokafka.change;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
    protected final Set<String> republish = new LinkedHashSet<>();

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

    /** Writes requests to publish these keys again (true) or that they were served (false) durably. */
    protected abstract void persistRepublish(Collection<String> keys, boolean requested);

    @Override
    public synchronized Set<String> republishRequested() {
        return Set.copyOf(republish);
    }

    @Override
    public void requestRepublish(Collection<String> keys) {
        List<String> fresh;
        synchronized (this) {
            fresh = keys.stream().filter(k -> !republish.contains(k)).distinct().toList();
        }
        if (!fresh.isEmpty()) {
            durably(() -> persistRepublish(fresh, true), () -> {
                synchronized (this) {
                    republish.addAll(fresh);
                }
            });
        }
    }

    @Override
    public void republishServed(Collection<String> keys) {
        List<String> served;
        synchronized (this) {
            served = keys.stream().filter(republish::contains).distinct().toList();
        }
        if (!served.isEmpty()) {
            durably(() -> persistRepublish(served, false), () -> {
                synchronized (this) {
                    served.forEach(republish::remove);
                }
            });
        }
    }

    @Override
    public synchronized boolean fullPassRequested() {
        return fullPass;
    }

    /**
     * Writes a change durably, then makes it visible. A store that writes in a wider transaction (a page's events
     * and its state, see the Kafka state) overrides this to make it visible only once that transaction committed.
     */
    protected void durably(Runnable persist, Runnable remember) {
        synchronized (this) {
            persist.run();
            remember.run();
        }
    }

    @Override
    public void requestFullPass(boolean requested) {
        synchronized (this) {
            if (requested == fullPass) {
                return;
            }
        }
        durably(() -> persistFullPass(requested), () -> {
            synchronized (this) {
                fullPass = requested;
            }
        });
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
    public void commit(Map<String, KeyVersion> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, KeyVersion> copy = new LinkedHashMap<>(changes);
        durably(() -> persist(copy), () -> {
            synchronized (this) {
                copy.forEach(hashes::put);
            }
        });
    }

    @Override
    public synchronized String watermark() {
        return watermark;
    }

    @Override
    public void commitWatermark(String value) {
        synchronized (this) {
            if (value == null || value.equals(watermark)) {
                return;
            }
        }
        durably(() -> persistWatermark(value), () -> {
            synchronized (this) {
                watermark = value;
            }
        });
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
