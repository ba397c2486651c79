package org.magentokafka.app;

import java.time.Duration;

import org.magentokafka.consumer.PollStatus;

/**
 * Whether a stream's data in Kafka is older than readiness accepts: more than {@code magento.health.max-freshness-cycles}
 * of its expected refresh cycles ({@link PollStatus#refreshCycle()}). No verdict where freshness says nothing about
 * this replica: a stream that does not run here (a standby replica), one still in its first sync since it started
 * (the hanging-poll check's job), one whose expected cycle is unknown (a scan before its first page).
 */
final class FreshnessVerdict {

    static final String SETTING = "magento.health.max-freshness-cycles";

    private FreshnessVerdict() {
    }

    /** The problem to report for {@code stream}, or null when its freshness is fine or not judged. */
    static String problem(String stream, PollStatus status, int maxCycles) {
        if (!status.running() || !status.refreshedSinceStart()) {
            return null;
        }
        Duration expected = status.refreshCycle();
        if (expected == null) {
            return null;
        }
        Duration age = status.freshness();
        if (age.compareTo(expected.multipliedBy(maxCycles)) <= 0) {
            return null;
        }
        return stream + ": " + (status.scanned() ? "oldest page read " : "last successful poll ") + age.toSeconds()
               + " s ago, over " + maxCycles + " expected cycle" + (maxCycles == 1 ? "" : "s") + " of "
               + wholeSeconds(expected) + " s (" + SETTING + "=" + maxCycles + ")";
    }

    /** Seconds rounded up, so a cycle of 6.05 s is said as 7 s, never as 0 s. */
    static long wholeSeconds(Duration d) {
        long s = d.toSeconds();
        return d.equals(Duration.ofSeconds(s)) ? s : s + 1;
    }
}
