package org.magentokafka.testing;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.magentokafka.change.KeyVersion;
import org.magentokafka.change.StateStore;

/**
 * A change state kept in memory, for unit tests of the parts that read and write one (the durable stores have tests
 * of their own): what was committed is what {@link #hash}, {@link #keys} and {@link #watermark} answer.
 */
public final class InMemoryStateStore implements StateStore {

    private final Map<String, KeyVersion> versions = new ConcurrentHashMap<>();
    private final Set<String> republish = ConcurrentHashMap.newKeySet();
    private volatile String watermark;
    private volatile boolean fullPassRequested;

    /** A state that published these keys (each with a hash of its own), as a full pass would have left it. */
    public static InMemoryStateStore publishing(Collection<String> keys) {
        InMemoryStateStore state = new InMemoryStateStore();
        Map<String, KeyVersion> live = new TreeMap<>();
        keys.forEach(key -> live.put(key, KeyVersion.NONE.next((long) key.hashCode())));
        state.commit(live);
        return state;
    }

    @Override
    public Long hash(String key) {
        return version(key).hash();
    }

    @Override
    public KeyVersion version(String key) {
        return versions.getOrDefault(key, KeyVersion.NONE);
    }

    @Override
    public void commit(Map<String, KeyVersion> changes) {
        versions.putAll(changes);
    }

    @Override
    public String watermark() {
        return watermark;
    }

    @Override
    public void commitWatermark(String watermark) {
        this.watermark = watermark;
    }

    @Override
    public boolean fullPassRequested() {
        return fullPassRequested;
    }

    @Override
    public void requestFullPass(boolean requested) {
        this.fullPassRequested = requested;
    }

    @Override
    public Set<String> republishRequested() {
        return Set.copyOf(republish);
    }

    @Override
    public void requestRepublish(Collection<String> keys) {
        republish.addAll(keys);
    }

    @Override
    public void republishServed(Collection<String> keys) {
        republish.removeAll(keys);
    }

    /** The keys published and not deleted. */
    @Override
    public Set<String> keys() {
        Set<String> live = new HashSet<>();
        versions.forEach((key, version) -> {
            if (version.live()) {
                live.add(key);
            }
        });
        return live;
    }

    @Override
    public void forEachKey(Consumer<String> action) {
        keys().forEach(action);
    }

    @Override
    public int size() {
        return keys().size();
    }

    @Override
    public void close() {
    }
}
