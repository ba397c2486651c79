package org.magentokafka.component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.magentokafka.paging.Page;

/**
 * Recognises an idle store from page 1 of an incremental poll: when page 1 shows the same window as last time
 * (same lower bound, same total_count, same newest timestamp) and that newest second lay further in the past than
 * the overlap when it was read, no row can have been written since, so nothing more needs fetching (the overlap
 * is also the clock-skew budget between store and connector). One window per store view.
 */
final class IdleWindows {

    private final String timestampField;
    private final Duration overlap;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    IdleWindows(String timestampField, Duration overlap) {
        this.timestampField = timestampField;
        this.overlap = overlap;
    }

    /** What an incremental poll saw of its window. */
    private record Window(String lowerBound, long totalCount, String newest, Instant readAt) {
    }

    /** Whether page 1 of this window shows nothing new since the store view's last poll. */
    boolean unchanged(String store, String lowerBound, Page first) {
        Window previous = windows.get(store);
        if (previous == null) {
            return false;
        }
        String now = newestOf(first);
        if (!previous.lowerBound.equals(lowerBound) || previous.totalCount != first.totalCount()
            || !Objects.equals(previous.newest, now)) {
            return false;
        }
        if (previous.newest == null) {
            return true;
        }
        try {
            return newestSecond(previous.newest).plusSeconds(1).plus(overlap).isBefore(previous.readAt);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** An incremental poll read this window completely (page 1 was read at {@code readAt}). */
    void read(String store, String lowerBound, Page first, Instant readAt) {
        String newest = newestOf(first);
        windows.compute(store, (k, previous) -> {
            // Unchanged window: keep the first time it was read, the moment its newest second was known complete.
            if (previous != null && previous.lowerBound.equals(lowerBound) && previous.totalCount == first.totalCount()
                && Objects.equals(previous.newest, newest)) {
                return previous;
            }
            return new Window(lowerBound, first.totalCount(), newest, readAt);
        });
    }

    /**
     * A full pass saw every row of the window that follows it (the newest rows it counted, up to the watermark it
     * committed): the first incremental poll can trust page 1 alone.
     */
    void afterFullPass(String store, NewestRows newestRows, Instant startedAt) {
        windows.put(store, new Window(newestRows.floor(), newestRows.inWindow(), newestRows.newest(), startedAt));
    }

    private String newestOf(Page first) {
        return first.items().isEmpty() ? null : String.valueOf(first.items().get(0).get(timestampField));
    }

    /** Magento's {@code yyyy-MM-dd HH:mm:ss} (UTC), fractions and zone ignored. */
    private static Instant newestSecond(String timestamp) {
        return LocalDateTime.parse(timestamp.substring(0, 19).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
