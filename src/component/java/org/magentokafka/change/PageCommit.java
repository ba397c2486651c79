package org.magentokafka.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one page will record in the state once Kafka acknowledged its events: the new version (content hash and
 * sequence, see {@link KeyVersion}) of every key it published or deleted. Travels with the page's exchange (and
 * its split copies) as a property and is applied in the exchange's on-completion, never before.
 * <p>
 * Several pages of a poll are in flight at once, so a version published by an earlier page that Kafka has not
 * acknowledged yet is visible to the later pages through {@code inFlight}: an item the store repeats on the next
 * page is then recognised as unchanged instead of being published twice, and a key changed twice in flight gets
 * two sequence numbers.
 */
public final class PageCommit {

    public static final String PROPERTY = "CamelMagentoPageCommit";

    private final StateStore state;
    private final Map<String, KeyVersion> inFlight;
    private final Map<String, KeyVersion> changes = new LinkedHashMap<>();
    private Runnable beforeRecord = () -> {
    };
    private boolean recorded;

    /** @param inFlight versions of pages handed to the route but not yet committed, shared by one store view's pages */
    public PageCommit(StateStore state, Map<String, KeyVersion> inFlight) {
        this.state = state;
        this.inFlight = inFlight;
    }

    public StateStore state() {
        return state;
    }

    /** What was last published for the key: by a page still in flight, else as committed. */
    public KeyVersion previous(String key) {
        KeyVersion pending = inFlight.get(key);
        return pending != null ? pending : state.version(key);
    }

    /**
     * Takes the key's next sequence for an event this page publishes: the new content hash, or {@code null} for a
     * deletion. Nothing is committed until the page is acknowledged, so a page lost in a crash is re-sent with the
     * same sequence numbers (the same ids).
     */
    public synchronized KeyVersion next(String key, Long hash) {
        KeyVersion version = previous(key).next(hash);
        changes.put(key, version);
        inFlight.put(key, version);
        return version;
    }

    public synchronized List<String> changedKeys() {
        return new ArrayList<>(changes.keySet());
    }

    /** What must be durable before the page's versions are (the requests its changes make of other streams). */
    public synchronized void beforeRecord(Runnable action) {
        this.beforeRecord = action;
    }

    /**
     * Records the page's versions, once. A failure (a full disk, a state-topic write that timed out, a key the index
     * refuses) is thrown: the page is then not delivered, and its versions leave the in-flight view either way so
     * the next poll reads and publishes them again rather than taking them for done.
     */
    public synchronized void apply() {
        try {
            record();
        } finally {
            forget();
        }
    }

    /**
     * Records the page's versions (once) without leaving the in-flight view: for a writer that records them inside
     * its own transaction and calls {@link #apply} (or {@link #abandon}) once that transaction ended.
     */
    public synchronized void record() {
        if (recorded) {
            return;
        }
        recorded = true;
        beforeRecord.run();
        state.commit(changes);
    }

    /** The page failed: its versions never reached the state, and later pages must not count on them either. */
    public synchronized void abandon() {
        forget();
    }

    private void forget() {
        // Only this page's own entries: a later page may have put a newer version of the same key meanwhile.
        changes.forEach(inFlight::remove);
    }
}
