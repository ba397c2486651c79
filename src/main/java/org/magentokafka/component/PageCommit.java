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
 */
public final class PageCommit {

    public static final String PROPERTY = "CamelMagentoPageCommit";

    private final StateStore state;
    private final Map<String, Long> published = new LinkedHashMap<>();
    private final List<String> deleted = new ArrayList<>();

    PageCommit(StateStore state) {
        this.state = state;
    }

    public StateStore state() {
        return state;
    }

    public synchronized void published(String key, long hash) {
        published.put(key, hash);
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
    }
}
