package org.magentokafka.consumer;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The component's meters, all on Micrometer's global registry (the application exports it): items read per stream
 * and store view, and the gauges of each stream's polling (events and dead letters: the events package's EventMetrics).
 */
public final class StreamMetrics {

    private final MeterRegistry registry = Metrics.globalRegistry;

    void items(String stream, String store, long count) {
        Counter.builder("magento.items").description("Items read from the store")
                .tag("stream", stream).tag("store", store).register(registry).increment(count);
    }

    /**
     * Rows the store returned to a poll: the items handed to the route plus the rows an incremental window read again
     * and did not hand over (delivered before). Against the changes ({@code magento.events} created, updated,
     * deleted) it says what each change costs the store.
     */
    void rowsRead(String stream, String store, long count) {
        Counter.builder("magento.rows.read").description("Rows the store returned to the stream's polls")
                .tag("stream", stream).tag("store", store).register(registry).increment(count);
    }

    /** Registers the gauges that read a stream's poll status; returns the status. */
    public PollStatus pollGauges(String stream, PollStatus status) {
        Gauge.builder("magento.poll.last.success", status, s -> s.lastSuccess() == null ? 0 : s.lastSuccess().getEpochSecond())
                .description("Epoch seconds of the stream's last successful poll").tag("stream", stream).register(registry);
        Gauge.builder("magento.sync.pages.done", status, PollStatus::pagesDone)
                .description("Pages delivered in the running (or last) sync").tag("stream", stream).register(registry);
        Gauge.builder("magento.sync.pages.total", status, PollStatus::pagesTotal)
                .description("Pages of the running (or last) sync").tag("stream", stream).register(registry);
        Gauge.builder("magento.freshness", status, s -> s.running() ? seconds(s.freshness()) : Double.NaN)
                .description("How old the stream's data in Kafka can be: timestamped streams, seconds since the last"
                             + " successful poll; scans, since the start of the last complete scan cycle (the oldest page);"
                             + " NaN where the stream does not run (a standby replica)")
                .baseUnit("seconds").tag("stream", stream).register(registry);
        Gauge.builder("magento.freshness.expected", status, s -> seconds(s.refreshCycle()))
                .description("The expected time between two refreshes that readiness judges freshness against: poll"
                             + " interval plus the last poll's duration, or for scans plus the expected scan cycle; NaN while unknown")
                .baseUnit("seconds").tag("stream", stream).register(registry);
        Gauge.builder("magento.scan.cycle", status, s -> seconds(scanCycle(s)))
                .description("Scans: the length of the last complete scan cycle (before the first one completed, the"
                             + " expected one); NaN for streams polled by change timestamp")
                .baseUnit("seconds").tag("stream", stream).register(registry);
        Gauge.builder("magento.scan.cycle.expected", status, s -> seconds(s.scanned() ? s.expectedCycle() : null))
                .description("Scans: the expected length of one scan cycle at the store's scan budget, known once the"
                             + " first page gave the store's size; NaN before and for streams polled by change timestamp")
                .baseUnit("seconds").tag("stream", stream).register(registry);
        return status;
    }

    /** The last complete cycle's length, else the expected one; none for a stream polled by change timestamp. */
    static Duration scanCycle(PollStatus s) {
        if (!s.scanned()) {
            return null;
        }
        return s.lastCycle() != null ? s.lastCycle() : s.expectedCycle();
    }

    private static double seconds(Duration d) {
        return d == null ? Double.NaN : d.toMillis() / 1000.0;
    }
}
