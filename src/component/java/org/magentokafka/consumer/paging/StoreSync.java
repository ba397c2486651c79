package org.magentokafka.consumer.paging;

import java.time.Duration;
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
public final class StoreSync {

    /**
     * At most this many recent rows per store view (the {@code consumer} package's RecentRows): a bulk import's are
     * read again instead, which costs look-ups, never a change.
     */
    public static final int MAX_RECENT_ROWS = 20_000;

    private final String store;
    private final MagentoClient client;
    private final StateStore state;
    /** No watermark and no state yet: the very first sync, whose changes need not signal other streams. */
    private final boolean initial;
    private final KeyFingerprints seenKeys = new KeyFingerprints();
    /** When the poll began: rows written after it may be missing from what it read. */
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private String maxTimestamp;
    /** Rows read within {@link #recentSpan} of the newest, key → timestamp as read (see RecentRows). */
    private final Map<String, String> recent = new HashMap<>();
    /** How far behind the newest row a later window may start (null: remember nothing). */
    private Duration recentSpan;
    /** Rows of this second or later are not remembered: they may be saved again within their second. */
    private String recentSettled;
    private String recentFloor;
    private boolean totalChanged;
    /** A list answer could not be true: the pass ended early, its watermark and deletes are not trusted. */
    private boolean inconsistent;
    private long items;
    /** Rows an incremental window read and did not hand over: delivered before (see RecentRows). */
    private long readAgain;
    private long deleted;
    private int pages;
    /** A full pass: it reads every product again, parents included (so a child's change need not ask for them). */
    private boolean fullPass;
    /** A paced scan pass (null: foreground): one page ahead at most, its size reported after page 1. */
    private PacedScan scan;

    public StoreSync(String store, MagentoClient client, StateStore state, boolean initial) {
        this.store = store;
        this.client = client;
        this.state = state;
        this.initial = initial;
    }

    public String store() {
        return store;
    }

    public MagentoClient client() {
        return client;
    }

    public StateStore state() {
        return state;
    }

    /** No watermark and no state yet: the very first sync, whose changes need not signal other streams. */
    public boolean initial() {
        return initial;
    }

    /** The keys the pages handed over showed (a full pass collects them, for deletes). */
    public KeyFingerprints seenKeys() {
        return seenKeys;
    }

    /** When the poll began: rows written after it may be missing from what it read. */
    public Instant startedAt() {
        return startedAt;
    }

    public long startedNanos() {
        return startedNanos;
    }

    /** The newest timestamp the pages handed over showed, or null. */
    public String maxTimestamp() {
        return maxTimestamp;
    }

    /** Rows read within the recent span of the newest, key → timestamp as read (see RecentRows). */
    public Map<String, String> recent() {
        return recent;
    }

    /** How far behind the newest row a later window may start (null: remember nothing). */
    public Duration recentSpan() {
        return recentSpan;
    }

    public void recentSpan(Duration span) {
        this.recentSpan = span;
    }

    /** Rows of this second or later are not remembered: they may be saved again within their second. */
    public void recentSettled(String second) {
        this.recentSettled = second;
    }

    /** The total_count changed during a full pass by page number: rows may have shifted past it. */
    public boolean totalChanged() {
        return totalChanged;
    }

    public void markTotalChanged() {
        this.totalChanged = true;
    }

    /** A list answer could not be true: the pass ended early, its watermark and deletes are not trusted. */
    public boolean inconsistent() {
        return inconsistent;
    }

    public void markInconsistent() {
        this.inconsistent = true;
    }

    public long items() {
        return items;
    }

    public int pages() {
        return pages;
    }

    /** A page of {@code count} items was handed to the route. */
    public void pageHandedOver(int count) {
        items += count;
        pages++;
    }

    /** Rows an incremental window read and did not hand over: delivered before (see RecentRows). */
    public long readAgain() {
        return readAgain;
    }

    public void addReadAgain(long rows) {
        readAgain += rows;
    }

    public long deleted() {
        return deleted;
    }

    public void addDeleted(long keys) {
        deleted += keys;
    }

    /** A full pass: it reads every product again, parents included (so a child's change need not ask for them). */
    public boolean fullPass() {
        return fullPass;
    }

    public void fullPass(boolean full) {
        this.fullPass = full;
    }

    /** A paced scan pass (null: foreground): one page ahead at most, its size reported after page 1. */
    public PacedScan scan() {
        return scan;
    }

    public void scan(PacedScan pacedScan) {
        this.scan = pacedScan;
    }

    /** Notes what a page handed to the route shows: its keys (with {@code collectKeys}) and newest timestamp. */
    public void note(MagentoStream stream, Page page, boolean collectKeys) {
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
        if (recent.size() >= MAX_RECENT_ROWS) {
            String floor = recentFloor;
            recent.values().removeIf(t -> Watermark.normalize(t).compareTo(floor) < 0);
            if (recent.size() >= MAX_RECENT_ROWS) {
                return; // a bulk import: those rows are read again, which costs look-ups, never a change
            }
        }
        recent.put(key, raw);
    }

    /** Where the stream's list lives in this store view, for log lines and errors. */
    public String path(MagentoStream stream) {
        return client.address().path(stream.resource());
    }
}
