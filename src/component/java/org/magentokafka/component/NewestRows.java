package org.magentokafka.component;

import java.time.Duration;
import java.util.TreeMap;

import org.magentokafka.change.Watermark;

/**
 * During a full pass, how many rows carry each of the newest seconds (those within the watermark overlap of the
 * newest timestamp seen so far). At the end of the pass this is exactly what the next incremental poll's window
 * ({@code updated_at gteq watermark - overlap}) will hold, so that poll can recognise an unchanged store from its
 * first page instead of reading the window once more. Older seconds are dropped as the newest moves on, so this
 * holds a few entries whatever the catalog's size.
 */
final class NewestRows {

    private final Duration overlap;
    private final TreeMap<String, Integer> counts = new TreeMap<>();
    private String newest;
    private String floor;

    NewestRows(Duration overlap) {
        this.overlap = overlap;
    }

    /** @param timestamp in Magento's format ({@link Watermark#normalize}) */
    void add(String timestamp) {
        if (newest == null || timestamp.compareTo(newest) > 0) {
            newest = timestamp;
            floor = Watermark.lowerBound(newest, overlap);
            counts.headMap(floor).clear();
        }
        if (timestamp.compareTo(floor) >= 0) {
            counts.merge(timestamp, 1, Integer::sum);
        }
    }

    String newest() {
        return newest;
    }

    /** Rows at or after the lower bound of the window that follows the newest timestamp. */
    long inWindow() {
        long total = 0;
        for (int n : counts.tailMap(floor, true).values()) {
            total += n;
        }
        return total;
    }

    /** The window's lower bound: newest minus the overlap. */
    String floor() {
        return floor;
    }
}
