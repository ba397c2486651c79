package org.magentokafka.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The store's fault state: the current {@link Faults}, the per-generation request sequence that seeds the
 * draws, the in-flight gauges and the counters per {@link Faults.Kind}. Thread-safe.
 *
 * <p>A request is in flight from {@link #begin()} until {@link FaultPlan#end()}, which the handler calls
 * after the answer is built and before a byte of it is written. A client therefore cannot have seen the
 * answer while the request still counts, so a client that keeps to N requests at a time is never measured
 * above N (the gauge can only under-count, e.g. requests waiting in the server's queue).
 */
final class FaultInjector {

    /** The faults and the sequence their draws are numbered by, replaced together. */
    private record Generation(Faults faults, AtomicLong sequence) {
    }

    private volatile Generation generation;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger peakAdmitted = new AtomicInteger();
    private final AtomicLongArray counts = new AtomicLongArray(Faults.Kind.values().length);

    FaultInjector(Faults initial) {
        this.generation = new Generation(Objects.requireNonNull(initial), new AtomicLong());
    }

    Faults faults() {
        return generation.faults();
    }

    /** Takes effect for requests that arrive from now on; restarts the seeded sequence at request 0. */
    void set(Faults faults) {
        generation = new Generation(Objects.requireNonNull(faults), new AtomicLong());
    }

    /** Starts a faultable request: numbers it, counts it in flight and applies the concurrency limit. */
    FaultPlan begin() {
        Generation g = generation;
        long index = g.sequence().getAndIncrement();
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean admit = admit(g.faults().maxConcurrency());
        return new FaultPlan(this, g.faults(), index, admit);
    }

    private boolean admit(int max) {
        while (true) {
            int current = admitted.get();
            if (max > 0 && current >= max) {
                return false;
            }
            if (admitted.compareAndSet(current, current + 1)) {
                peakAdmitted.accumulateAndGet(current + 1, Math::max);
                return true;
            }
        }
    }

    void end(boolean wasAdmitted) {
        inFlight.decrementAndGet();
        if (wasAdmitted) {
            admitted.decrementAndGet();
        }
    }

    void count(Faults.Kind kind) {
        counts.incrementAndGet(kind.ordinal());
    }

    int inFlight() {
        return inFlight.get();
    }

    int peakInFlight() {
        return peakInFlight.get();
    }

    int peakAdmitted() {
        return peakAdmitted.get();
    }

    /** Peaks restart from what is in flight now. */
    void resetPeaks() {
        peakInFlight.set(inFlight.get());
        peakAdmitted.set(admitted.get());
    }

    Map<String, Long> counts() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        for (Faults.Kind kind : Faults.Kind.values()) {
            snapshot.put(kind.name(), counts.get(kind.ordinal()));
        }
        return Collections.unmodifiableMap(snapshot);
    }

    void resetCounts() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
    }

    /** A uniform draw in [0, 1) that depends only on (seed, request index, kind). */
    static double draw(long seed, long index, Faults.Kind kind) {
        long z = mix(seed ^ 0x6A09E667F3BCC909L);
        z = mix(z + 0x9E3779B97F4A7C15L * (index + 1));
        z = mix(z + 0xBB67AE8584CAA73BL * (kind.ordinal() + 1));
        return (z >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
