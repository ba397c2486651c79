package org.magentokafka.client;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Request figures per endpoint (the REST resource, never a URL with keys or credentials): requests by status,
 * latency, retries, throttles, and what the answers weighed: bytes on the wire and how many came gzip-compressed
 * (a store whose web server does not compress shows 0 there). Registered in Micrometer's global registry, which the application exports to
 * Prometheus.
 */
public final class ClientMetrics {

    private final MeterRegistry registry;

    public ClientMetrics() {
        this(Metrics.globalRegistry);
    }

    public ClientMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String endpoint, int status, Duration took) {
        Counter.builder("magento.requests").description("Requests to the store by endpoint and HTTP status (0: no answer)")
                .tag("endpoint", endpoint).tag("status", Integer.toString(status)).register(registry).increment();
        Timer.builder("magento.request.duration").description("Time of one request to the store")
                .tag("endpoint", endpoint).register(registry).record(took);
    }

    void retry(String endpoint, String reason) {
        Counter.builder("magento.retries").description("Requests sent again after a retryable failure")
                .tag("endpoint", endpoint).tag("reason", reason).register(registry).increment();
    }

    void throttled(String endpoint) {
        Counter.builder("magento.throttled").description("429 and 503 answers that lowered the request rate")
                .tag("endpoint", endpoint).register(registry).increment();
    }

    /** @param wireBytes the body as received, before decoding: what the store and the network carried */
    void received(String endpoint, long wireBytes, boolean compressed) {
        Counter.builder("magento.received.bytes").baseUnit("bytes")
                .description("Bytes of the store's answers as received, before gzip decoding")
                .tag("endpoint", endpoint).register(registry).increment(wireBytes);
        // Registered at 0 as well, so that a store that never compresses is visible as such.
        Counter.builder("magento.responses.compressed").description("Answers the store sent gzip-compressed")
                .tag("endpoint", endpoint).register(registry).increment(compressed ? 1 : 0);
    }
}
