package org.magentokafka.component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.magentokafka.change.Watermark;

/**
 * Where an incremental poll's window starts. Steady polls read from the watermark (the newest {@code updated_at}
 * a poll saw, on the store's clock) minus a few seconds' slack: rows of the watermark's second written after it
 * was read. A save whose transaction commits later than its timestamp plus the slack becomes visible behind the
 * watermark; catching it is the job of a catch-up poll, once every two overlaps, whose window starts at the
 * previous catch-up's watermark minus the overlap.
 * <p>
 * Why that catches every save committed within the overlap of its timestamp T: let catch-up k be the first to
 * start after the save became visible (before T + overlap). Catch-up k-1 started before that, so its watermark was
 * below T + overlap, and catch-up k reads from below T. The cost: a catch-up re-reads three overlaps of rows
 * every two overlaps (1.5 rows read per row changed), steady polls their slack; together with the rows themselves
 * under 3 rows read per row changed at any steady edit rate. The first poll after a start is a catch-up from
 * three overlaps before the watermark (no earlier catch-up is known).
 */
final class LateCommitCatchUp {

    private final Duration overlap;
    private final Duration slack;
    private final LongSupplier nanos;
    /** store view → when its last catch-up started and the watermark it started from. */
    private final Map<String, Mark> marks = new ConcurrentHashMap<>();
    /** store view → the catch-up a running poll makes: started then, from that watermark. */
    private final Map<String, Mark> running = new ConcurrentHashMap<>();

    private record Mark(long startedNanos, String watermark) {
    }

    LateCommitCatchUp(Duration overlap, Duration slack, LongSupplier nanos) {
        this.overlap = overlap;
        this.slack = slack;
        this.nanos = nanos;
    }

    /** The lower bound of this poll's window; a catch-up when one is due. */
    String lowerBound(String store, String watermark) {
        long now = nanos.getAsLong();
        Mark last = marks.get(store);
        if (last == null) {
            running.put(store, new Mark(now, watermark));
            return Watermark.lowerBound(watermark, overlap.multipliedBy(3));
        }
        if (now - last.startedNanos >= overlap.multipliedBy(2).toNanos()) {
            running.put(store, new Mark(now, watermark));
            return Watermark.lowerBound(last.watermark, overlap);
        }
        running.remove(store);
        return Watermark.lowerBound(watermark, slack);
    }

    /** The poll read its window completely: a catch-up it made counts (a failed one is made again). */
    void read(String store) {
        Mark made = running.remove(store);
        if (made != null) {
            marks.put(store, made);
        }
    }

    /** Whether this poll of the store view is a catch-up (for its log line and tests). */
    boolean catchingUp(String store) {
        return running.containsKey(store);
    }
}
