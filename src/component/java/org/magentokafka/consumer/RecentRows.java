package org.magentokafka.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.magentokafka.change.Watermark;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.paging.Page;
import org.magentokafka.stream.MagentoStream;

/**
 * The rows of the last few minutes that polls of this process already delivered, by key and timestamp, per store
 * view: an incremental window re-reads its slack (and now and then a catch-up's minutes) and would otherwise hand
 * those rows to the route again, paying their look-ups for events that the content hash then drops. A row is
 * recorded only once the poll that read it completed (a failed poll's rows are handed over again), and a row with
 * the same key and {@code updated_at} holds nothing an incremental window is looking for: changes that do not move
 * {@code updated_at} (stock, labels) reach the products by their own requests, not by the window.
 */
final class RecentRows {

    /** At most this many rows per store view (a bulk import's are read again instead: look-ups, never a change). */
    static final int MAX_ROWS = StoreSync.MAX_RECENT_ROWS;

    private final MagentoStream stream;
    private final Map<String, Map<String, String>> byStore = new ConcurrentHashMap<>();

    RecentRows(MagentoStream stream) {
        this.stream = stream;
    }

    /** The page without the rows already delivered (the same page when none was). */
    Page unseen(String store, Page page) {
        Map<String, String> seen = byStore.get(store);
        if (seen == null || seen.isEmpty()) {
            return page;
        }
        List<Map<String, Object>> fresh = new ArrayList<>(page.items().size());
        for (Map<String, Object> item : page.items()) {
            String key = stream.keyOf(item);
            Object ts = item.get(stream.timestampField());
            if (key == null || ts == null || !String.valueOf(ts).equals(seen.get(key))) {
                fresh.add(item);
            }
        }
        return fresh.size() == page.items().size() ? page : new Page(page.number(), page.totalCount(), fresh);
    }

    /** A poll completed: its recent rows count as delivered; rows older than {@code floor} are forgotten. */
    void delivered(String store, Map<String, String> rows, String floor) {
        Map<String, String> seen = byStore.computeIfAbsent(store, k -> new ConcurrentHashMap<>());
        seen.putAll(rows);
        seen.values().removeIf(ts -> {
            String second = Watermark.normalize(ts);
            return second == null || second.compareTo(floor) < 0;
        });
        if (seen.size() > MAX_ROWS) {
            seen.clear(); // a bulk import: re-reading costs look-ups, never a change
        }
    }
}
