package org.magentokafka.consumer.paging;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.magentokafka.change.KeyFingerprints;
import org.magentokafka.change.StateStore;
import org.magentokafka.change.Watermark;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.paging.Page;
import org.magentokafka.stream.MagentoStream;

/**
 * What one poll of one store view saw: the keys (for deletes), the newest timestamp (for the watermark), whether
 * an answer could not be true, and counts for the log. One per store view and poll, used by one thread at a time.
 */
final class StoreSync {

    final String store;
    final MagentoClient client;
    final StateStore state;
    /** No watermark and no state yet: the very first sync, whose changes need not signal other streams. */
    final boolean initial;
    final KeyFingerprints seenKeys = new KeyFingerprints();
    /** When the poll began: rows written after it may be missing from what it read. */
    final Instant startedAt = Instant.now();
    final long startedNanos = System.nanoTime();
    String maxTimestamp;
    /** Rows read within {@link #recentSpan} of the newest, key → timestamp as read (see {@link RecentRows}). */
    final Map<String, String> recent = new HashMap<>();
    /** How far behind the newest row a later window may start (null: remember nothing). */
    java.time.Duration recentSpan;
    /** Rows of this second or later are not remembered: they may be saved again within their second. */
    String recentSettled;
    private String recentFloor;
    boolean totalChanged;
    /** A list answer could not be true: the pass ended early, its watermark and deletes are not trusted. */
    boolean inconsistent;
    long items;
    /** Rows an incremental window read and did not hand over: delivered before (see {@link RecentRows}). */
    long readAgain;
    long deleted;
    int pages;
    /** A full pass: it reads every product again, parents included (so a child's change need not ask for them). */
    boolean fullPass;
    /** A paced scan pass (null: foreground): one page ahead at most, its size reported after page 1. */
    ScanCycles scan;

    StoreSync(String store, MagentoClient client, StateStore state, boolean initial) {
        this.store = store;
        this.client = client;
        this.state = state;
        this.initial = initial;
    }

    /** Notes what a page handed to the route shows: its keys (with {@code collectKeys}) and newest timestamp. */
    void note(MagentoStream stream, Page page, boolean collectKeys) {
        for (Map<String, Object> item : page.items()) {
            String key = stream.keyOf(item);
            if (collectKeys && key != null) {
                seenKeys.add(key);
            }
            if (stream.timestamped()) {
                Object raw = item.get(stream.timestampField());
                String ts = raw == null ? null : Watermark.normalize(raw.toString());
                if (ts != null && key != null && recentSpan != null) {
                    remember(key, raw.toString(), ts);
                }
                if (ts != null) {
                    if (maxTimestamp == null || ts.compareTo(maxTimestamp) > 0) {
                        maxTimestamp = ts;
                    }
                }
            }
        }
    }

    private void remember(String key, String raw, String ts) {
        if (recentFloor == null || (maxTimestamp != null && ts.compareTo(maxTimestamp) > 0)) {
            recentFloor = Watermark.lowerBound(maxTimestamp == null || ts.compareTo(maxTimestamp) > 0 ? ts : maxTimestamp, recentSpan);
        }
        if (ts.compareTo(recentFloor) < 0 || recentSettled == null || ts.compareTo(recentSettled) >= 0) {
            return;
        }
        if (recent.size() >= RecentRows.MAX_ROWS) {
            String floor = recentFloor;
            recent.values().removeIf(t -> Watermark.normalize(t).compareTo(floor) < 0);
            if (recent.size() >= RecentRows.MAX_ROWS) {
                return; // a bulk import: those rows are read again, which costs look-ups, never a change
            }
        }
        recent.put(key, raw);
    }

    /** Where the stream's list lives in this store view, for log lines and errors. */
    String path(MagentoStream stream) {
        return client.address().path(stream.resource());
    }
}
