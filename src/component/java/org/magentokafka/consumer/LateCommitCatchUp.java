package org.magentokafka.consumer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.magentokafka.change.Watermark;

/**
 * Where an incremental poll reads. Steady polls read from the watermark (the newest {@code updated_at} a poll saw,
 * on the store's clock) minus a few seconds' slack: rows of the watermark's second written after it was read. A save
 * whose transaction commits later than its timestamp plus the slack becomes visible behind the watermark; to find
 * it, each poll also reads again the window a poll read one overlap earlier (its trailing window, bounded above).
 * <p>
 * Why that finds every save committed within the overlap of its timestamp T: the steady windows follow one another
 * without a gap (each starts at the newest row the one before read, minus the slack), so T lies in the window some
 * poll read at a time t no earlier than T; that window is read again at t + overlap, when the save, committed by
 * T + overlap, is visible. The cost: every row is read twice (once new, once one overlap later), plus the slack;
 * spread over every poll, so the requests per minute stay flat. Rows read again that were delivered before are
 * not handed over again ({@link RecentRows}). The first poll after a start reads from one overlap before the
 * watermark (the windows read before the start are not known), or after a full pass this process made, from one
 * overlap before that pass began, when that is later.
 */
final class LateCommitCatchUp {

    /**
     * A window a completed poll read: from its start (a second, and after an id in it when the poll went on right
     * after the previous one's last row) up to the newest row it saw.
     */
    record Window(String from, Long afterId, String to) {
        Window(String from, String to) {
            this(from, null, to);
        }

        /** Whether this window starts before the other (an id-less start takes the whole second). */
        boolean startsBefore(Window other) {
            int c = from.compareTo(other.from);
            if (c != 0) {
                return c < 0;
            }
            return afterId == null ? other.afterId != null : other.afterId != null && afterId < other.afterId;
        }
    }

    /** Where a window starts: a second, and within it after an id (null: the whole second). */
    record Position(String second, Long afterId) {
    }

    private record Read(long atNanos, Window window) {
    }

    private final Duration overlap;
    private final Duration slack;
    private final LongSupplier nanos;
    /** store view → the windows read, oldest first, until they were read again. */
    private final Map<String, Deque<Read>> reads = new ConcurrentHashMap<>();
    /** store view → where the last steady window ended (its last row), and when (connector's clock). */
    private final Map<String, Ended> ends = new ConcurrentHashMap<>();
    private final java.time.Clock clock;
    /** store view → when the last full pass this process completed began, until the first steady window after it. */
    private final Map<String, java.time.Instant> fullPasses = new ConcurrentHashMap<>();

    private record Ended(Position position, java.time.Instant at) {
    }

    LateCommitCatchUp(Duration overlap, Duration slack, LongSupplier nanos, java.time.Clock clock) {
        this.overlap = overlap;
        this.slack = slack;
        this.nanos = nanos;
        this.clock = clock;
    }

    /**
     * Where this poll's steady window starts. After a start: one overlap before the watermark. Then right after the
     * last row the previous steady window read, unless that row's second was within the slack of the moment it was
     * read: rows of those seconds may still have been committing, so the window starts the slack before it (and the
     * next poll, reading it later than that, settles it). An old second, such as an import's that holds thousands
     * of rows, is never read again by steady polls.
     */
    Position start(String store, String watermark) {
        if (!reads.containsKey(store)) {
            String from = Watermark.lowerBound(watermark, overlap);
            java.time.Instant passBegan = fullPasses.get(store);
            // After a full pass this process made: rows dated more than one overlap before it began were visible to
            // it (saves commit within the overlap), so they were read; the last minute of an import is not read again.
            return new Position(passBegan == null || from == null ? from
                    : Watermark.max(from, Watermark.of(passBegan.minus(overlap))), null);
        }
        Ended end = ends.get(store);
        if (end == null) {
            return new Position(Watermark.lowerBound(watermark, slack), null);
        }
        String settled = Watermark.of(end.at().minus(slack));
        if (end.position().second().compareTo(settled) < 0) {
            return end.position();
        }
        return new Position(Watermark.lowerBound(end.position().second(), slack), null);
    }

    /** A full pass that began at {@code began} read the store view completely (its watermark is committed). */
    void fullPassRead(String store, java.time.Instant began) {
        reads.remove(store);
        ends.remove(store);
        fullPasses.put(store, began);
    }

    /** The lower bound of this poll's steady window (tests). */
    String lowerBound(String store, String watermark) {
        return start(store, watermark).second();
    }

    /** The windows read at least one overlap ago, as one window to read again; null when none is due. */
    Window due(String store) {
        Deque<Read> history = reads.get(store);
        if (history == null) {
            return null;
        }
        long before = nanos.getAsLong() - overlap.toNanos();
        Window start = null;
        String to = null;
        for (Read r : List.copyOf(history)) {
            if (r.atNanos > before) {
                break;
            }
            start = start == null || r.window.startsBefore(start) ? r.window : start;
            to = to == null || r.window.to().compareTo(to) > 0 ? r.window.to() : to;
        }
        // From exactly where the earliest of them started: an import's second before it is not read again.
        return start == null ? null : new Window(start.from(), start.afterId(), to);
    }

    /**
     * The poll read its windows completely: its steady window is remembered (to be read again one overlap later) and
     * the windows {@code readAgain} covered are done. A failed poll records nothing: the next reads the same.
     *
     * @param newest the newest row the steady window handed over, or null when it had none (an idle poll: nothing
     *               to read again, the next steady window covers the same rows)
     * @param last   the position after the last row the steady window read (handed over or not), or null
     * @param lastAskedAt when the answer holding that row was asked for
     * @param began when the poll asked for its first page: rows dated more than one overlap before that were visible
     *              then (saves commit within the overlap), so that part of the window is not read again (the first
     *              window after a start, which reaches back one overlap or an import's second, stays a one-off)
     */
    void read(String store, Position from, String newest, Position last, java.time.Instant lastAskedAt, Window readAgain,
              java.time.Instant began) {
        if (began != null) {
            String visibleBefore = Watermark.of(began.minus(overlap));
            if (from.second().compareTo(visibleBefore) < 0) {
                from = new Position(visibleBefore, null);
            }
        }
        long now = nanos.getAsLong();
        if (last == null && !ends.containsKey(store)) {
            // A first window that found nothing moved nothing: the next starts where it did, not at the watermark's
            // slack, which after a full pass of an old catalog lies in its import's last seconds (thousands of rows).
            ends.put(store, new Ended(from, clock.instant()));
        }
        if (last != null) {
            Ended before = ends.get(store);
            // A window that ends on a second asked for at least the slack after it holds all of that second's rows.
            if (before == null || last.second().compareTo(before.position().second()) >= 0) {
                ends.put(store, new Ended(last, lastAskedAt == null ? clock.instant() : lastAskedAt));
            }
        }
        fullPasses.remove(store);
        Deque<Read> history = reads.computeIfAbsent(store, k -> new ArrayDeque<>());
        synchronized (history) {
            if (readAgain != null) {
                history.removeIf(r -> r.window.to().compareTo(readAgain.to()) <= 0 && r.atNanos <= now - overlap.toNanos());
            }
            // A window that found nothing new moved nothing: the next steady window starts where it did.
            if (newest != null) {
                history.addLast(new Read(now, new Window(from.second(), from.afterId(),
                        newest.compareTo(from.second()) < 0 ? from.second() : newest)));
            }
        }
    }
}
