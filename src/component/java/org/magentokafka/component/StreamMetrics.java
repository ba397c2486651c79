package org.magentokafka.component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/** Items read, events published by type and dead letters, per stream. */
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
}
