package org.magentokafka.component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The component's meters, all on Micrometer's global registry (the application exports it): items read per stream
 * and store view, and the gauges of each stream's polling (events and dead letters: the events package's EventMetrics).
 */
final class StreamMetrics {

    private final MeterRegistry registry = Metrics.globalRegistry;

    void items(String stream, String store, long count) {
        Counter.builder("magento.items").description("Items read from the store")
                .tag("stream", stream).tag("store", store).register(registry).increment(count);
    }

    /** Registers the gauges that read a stream's poll status; returns the status. */
    PollStatus pollGauges(String stream, PollStatus status) {
        Gauge.builder("magento.poll.last.success", status, s -> s.lastSuccess() == null ? 0 : s.lastSuccess().getEpochSecond())
                .description("Epoch seconds of the stream's last successful poll").tag("stream", stream).register(registry);
        Gauge.builder("magento.sync.pages.done", status, PollStatus::pagesDone)
                .description("Pages delivered in the running (or last) sync").tag("stream", stream).register(registry);
        Gauge.builder("magento.sync.pages.total", status, PollStatus::pagesTotal)
                .description("Pages of the running (or last) sync").tag("stream", stream).register(registry);
        return status;
    }
}
