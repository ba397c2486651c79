package org.magentokafka.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Changes of one kind made to the store, each waiting for the first event of its key (the product's SKU) that
 * carries it: at most one pending change per key, so every change is settled by an event of its own. Thread-safe:
 * the load makes changes while the event watcher's thread settles them.
 */
final class PendingChanges {

    /** One change: its key, when it was made, and what an event must carry to show it. */
    record Change(String key, String what, Instant at, Predicate<JsonNode> carries) {
    }

    /**
     * The changes made, the latencies of those seen (ms, sorted) and the ages at the end of those not seen (ms,
     * sorted).
     */
    record Summary(int made, List<Long> latencies, List<Long> unseenAges) {

        int unseen() {
            return unseenAges.size();
        }

        double oldestUnseenSeconds() {
            return unseenAges.isEmpty() ? 0 : unseenAges.get(unseenAges.size() - 1) / 1000.0;
        }

        /**
         * The p95 over every change made, an unseen one counted as its age at the end: a lower bound of the true p95
         * when some are unseen (they may take longer still), equal to {@link #p95()} when all were seen.
         */
        Long p95AllChanges() {
            List<Long> all = new ArrayList<>(latencies);
            all.addAll(unseenAges);
            Collections.sort(all);
            return all.isEmpty() ? null : ChangeLatencyRun.percentile(all, 95);
        }

        Long p50() {
            return latencies.isEmpty() ? null : ChangeLatencyRun.percentile(latencies, 50);
        }

        Long p95() {
            return latencies.isEmpty() ? null : ChangeLatencyRun.percentile(latencies, 95);
        }

        Long max() {
            return latencies.isEmpty() ? null : latencies.get(latencies.size() - 1);
        }
    }

    private final Map<String, Change> pending = new ConcurrentHashMap<>();
    private final List<Long> latenciesMillis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger made = new AtomicInteger();

    boolean isPending(String key) {
        return pending.containsKey(key);
    }

    /** Records a change just before it is made (so that an event cannot arrive before it is pending). */
    void made(Change change) {
        if (pending.putIfAbsent(change.key(), change) != null) {
            throw new IllegalStateException(change.key() + " already has a pending change");
        }
        made.incrementAndGet();
    }

    /** Forgets a change that could not be made after all (the store refused it). */
    void withdraw(Change change) {
        if (pending.remove(change.key(), change)) {
            made.decrementAndGet();
        }
    }

    /**
     * An event of {@code key} handed to Kafka at {@code timestampMillis} (the record's timestamp; when absent, the
     * time it was read): settles the key's pending change when it carries it. Returns the latency in ms, or -1.
     */
    long seen(String key, long timestampMillis, JsonNode value) {
        Change c = key == null || value == null ? null : pending.get(key);
        if (c == null || !c.carries().test(value)) {
            return -1;
        }
        long latency = Math.max(0, timestampMillis - c.at().toEpochMilli());
        if (pending.remove(key, c)) {
            latenciesMillis.add(latency);
            return latency;
        }
        return -1;
    }

    List<Change> unseen() {
        return List.copyOf(pending.values());
    }

    Summary summary(Instant end) {
        List<Long> sorted;
        synchronized (latenciesMillis) {
            sorted = new ArrayList<>(latenciesMillis);
        }
        Collections.sort(sorted);
        List<Long> ages = new ArrayList<>();
        for (Change c : unseen()) {
            ages.add(Math.max(0, Duration.between(c.at(), end).toMillis()));
        }
        Collections.sort(ages);
        return new Summary(made.get(), List.copyOf(sorted), List.copyOf(ages));
    }
}
