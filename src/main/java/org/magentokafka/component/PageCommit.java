package org.magentokafka.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.magentokafka.change.StateStore;

/**
 * What one page will record in the state once Kafka acknowledged its events: the hashes of the items it
 * published and the keys it deleted. Travels with the page's exchange (and its split copies) as a property and
 * is applied in the exchange's on-completion, never before.
 * <p>
 * Several pages of a poll are in flight at once, so a hash published by an earlier page that Kafka has not
 * acknowledged yet is visible to the later pages through {@code inFlight}: an item the store repeats on the next
 * page is then recognised as unchanged instead of being published twice.
 */
public final class PageCommit {

    public static final String PROPERTY = "CamelMagentoPageCommit";

    private final StateStore state;
    private final Map<String, Long> inFlight;
    private final Map<String, Long> published = new LinkedHashMap<>();
    private final List<String> deleted = new ArrayList<>();

    /** @param inFlight hashes of pages handed to the route but not yet committed, shared by one store view's pages */
    PageCommit(StateStore state, Map<String, Long> inFlight) {
        this.state = state;
        this.inFlight = inFlight;
    }

    public StateStore state() {
        return state;
    }

    /** What was last published for the key: by a page still in flight, else as committed. */
    public Long previousHash(String key) {
        Long pending = inFlight.get(key);
        return pending != null ? pending : state.hash(key);
    }

    public synchronized void published(String key, long hash) {
        published.put(key, hash);
        inFlight.put(key, hash);
    }

    public synchronized void deleted(String key) {
        deleted.add(key);
    }

    synchronized List<String> changedKeys() {
        List<String> keys = new ArrayList<>(published.keySet());
        keys.addAll(deleted);
        return keys;
    }

    synchronized void apply() {
        state.commit(published, deleted);
        forget();
    }

    /** The page failed: its hashes never reached the state, and later pages must not count on them either. */
    synchronized void abandon() {
        forget();
    }

    private void forget() {
        published.forEach(inFlight::remove);
    }
}
