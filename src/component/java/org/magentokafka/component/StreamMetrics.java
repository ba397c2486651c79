package org.magentokafka.component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The component's meters, all on Micrometer's global registry (the application exports it): items read, events
 * published by type and dead letters per stream, and the gauges of each stream's polling.
 */
final class StreamMetrics {

    private final MeterRegistry registry = Metrics.globalRegistry;

    void items(String stream, String store, long count) {
        Counter.builder("magento.items").description("Items read from the store")
                .tag("stream", stream).tag("store", store).register(registry).increment(count);
    }

    void event(String stream, String type) {
        Counter.builder("magento.events").description("Items by change type (unchanged ones are not published)")
                .tag("stream", stream).tag("type", type).register(registry).increment();
    }

    void deadLetter(String stream) {
        Counter.builder("magento.dead.letters").description("Items sent to the dead-letter topic")
                .tag("stream", stream).register(registry).increment();
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
