package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.Faults;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.TestKafka;

/**
 * A bad day at the store: throttling (429 with Retry-After), HTML maintenance pages, 500s and latency. Every
 * product still arrives exactly once, and the store never sees more requests at once than the concurrency level.
 */
class ResilienceIT {

    private static final int PRODUCTS = 1000;
    private static final int CONCURRENCY = 4;

    @Test
    void everyProductArrivesExactlyOnceThroughThrottlingMaintenanceAndErrorsWithinTheConcurrencyLevel() {
        Faults faults = Faults.builder().rate429(0.05).retryAfterSeconds(1).rateHtml503(0.02).rate500(0.01)
                .latencyMillis(20).seed(7).build();
        try (SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(PRODUCTS)
                .storeCodes(List.of("default")).faults(faults).build())) {
            String topic = TestKafka.uniqueTopic("resilience");
            Map<String, String> env = new HashMap<>(Map.of(
                    "MAGENTO_BASE_URL", store.baseUrl(),
                    "MAGENTO_AUTH_ACCESS_TOKEN", store.options().accessToken(),
                    "MAGENTO_PAGE_SIZE", "50",
                    "MAGENTO_MAX_CONCURRENCY", String.valueOf(CONCURRENCY),
                    "MAGENTO_RETRY_BASE_DELAY", "100ms",
                    "MAGENTO_POLL_INTERVAL", "1h",
                    "MAGENTO_STREAMS_PRODUCTS_TOPIC", topic,
                    "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()));
            for (String stream : List.of("categories", "cms-pages", "source-items", "product-attributes")) {
                env.put("MAGENTO_STREAMS_" + stream.toUpperCase().replace('-', '_') + "_TOPIC", TestKafka.uniqueTopic(stream));
            }
            try (ConnectorProcess connector = ConnectorProcess.start("resilience", env)) {
                connector.awaitLine(Pattern.compile("magento:products synced " + PRODUCTS + " items"), Duration.ofSeconds(120));
                List<ConsumerRecord<String, String>> records = TestKafka.read(topic, PRODUCTS, Duration.ofSeconds(30), Duration.ofSeconds(2));
                Set<String> expected = store.catalog().products().stream().map(p -> p.get("sku").asText()).collect(Collectors.toSet());
                assertEquals(expected, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
                assertEquals(PRODUCTS, records.size(), "exactly once");
                Map<String, Long> counts = store.faultCounts();
                assertTrue(counts.get("RATE_429") > 0 && counts.get("HTML_503") + counts.get("ERROR_500") > 0,
                        "the faults really happened: " + counts);
                assertTrue(store.peakInFlight() <= CONCURRENCY, "peak in flight " + store.peakInFlight() + " > " + CONCURRENCY);
            }
        }
    }
}
