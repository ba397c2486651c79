package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import org.magentokafka.testing.ConnectorEnvironment;
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
        try (ConnectorEnvironment environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).faults(faults).build())
                .topic("products", "resilience")
                .otherStreamsOnTheirOwnTopics()
                .env("MAGENTO_PAGE_SIZE", "50")
                .env("MAGENTO_MAX_CONCURRENCY", String.valueOf(CONCURRENCY))
                .env("MAGENTO_RETRY_BASE_DELAY", "100ms")
                .start()) {
            SandboxStore store = environment.store();
            String topic = environment.topic("products");
            ConnectorProcess connector = environment.start("resilience");
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
