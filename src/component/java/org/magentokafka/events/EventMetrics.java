package org.magentokafka.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The change detector's meters, on Micrometer's global registry (the application exports it): events by change type
 * and dead letters per stream. The component's own meters (items read, poll gauges) are in its StreamMetrics.
 */
final class EventMetrics {

    private final MeterRegistry registry = Metrics.globalRegistry;

    void event(String stream, String type) {
        Counter.builder("magento.events").description("Items by change type (unchanged ones are not published)")
                .tag("stream", stream).tag("type", type).register(registry).increment();
    }

    void deadLetter(String stream) {
        Counter.builder("magento.dead.letters").description("Items sent to the dead-letter topic")
                .tag("stream", stream).register(registry).increment();
    }
}
