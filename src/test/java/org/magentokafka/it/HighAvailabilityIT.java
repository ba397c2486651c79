package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.TestKafka;

/**
 * Two replicas for one store: only the lease holder polls; when it is killed, the standby takes over within the
 * lease time, resumes from the shared (Kafka-backed) state and the topic loses nothing.
 */
class HighAvailabilityIT {

    private static final Pattern LEADS = Pattern.compile("holds the lease: polling starts");

    @Test
    void onlyOneReplicaPollsAndTheStandbyTakesOverWhenTheLeaderDies() {
        // Both replicas share the lease, the Kafka-backed state and the topic.
        try (ConnectorEnvironment environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(200).storeCodes(List.of("default")).build())
                .topic("products", "ha")
                .otherStreamsDisabled()
                .pollInterval("1s")
                .env("MAGENTO_HA_ENABLED", "true")
                .env("MAGENTO_HA_GROUP", TestKafka.uniqueTopic("ha-group"))
                .env("MAGENTO_HA_LEASE_TOPIC", TestKafka.uniqueTopic("ha-lease"))
                .env("MAGENTO_HA_LEASE_TIME", "6s")
                // The strictest freshness limit: the standby's streams, which it does not run, must not be judged.
                .env("MAGENTO_HEALTH_MAX_FRESHNESS_CYCLES", "1")
                .env("MAGENTO_STATE_STORE", "kafka")
                .env("MAGENTO_STATE_TOPIC", TestKafka.uniqueTopic("ha-state"))
                .start()) {
            SandboxStore store = environment.store();
            String topic = environment.topic("products");
            ConnectorProcess a = environment.start("ha-a");
            ConnectorProcess b = environment.start("ha-b");
            Pattern synced = Pattern.compile("magento:products synced 200 items");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (a.count(synced) + b.count(synced) == 0 && System.nanoTime() < deadline) {
                sleep(200);
            }
            ConnectorProcess first = a.count(synced) > 0 ? a : b;
            ConnectorProcess second = first == a ? b : a;
            second.awaitLine(Pattern.compile("Apache Camel .* started"), Duration.ofSeconds(60));
            sleep(5000);
            assertEquals(0, second.count(Pattern.compile("magento:products synced")), "the standby does not poll");
            HttpResponse<String> standbyReady = ready(second);
            assertEquals(200, standbyReady.statusCode(), "the standby stays ready: " + standbyReady.body());
            assertFalse(standbyReady.body().contains("products.freshness-seconds"),
                    "a stream that does not run here has no freshness to judge: " + standbyReady.body());
            int standbyLeads = (int) second.count(LEADS);

            first.kill();
            long killed = System.nanoTime();
            List<String> changed = store.catalog().products().stream().limit(3).map(p -> p.get("sku").asText()).toList();
            changed.forEach(sku -> store.catalog().updateProduct(sku, p -> p.put("name", "changed after the failover")));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (second.count(LEADS) == standbyLeads && System.nanoTime() < until) {
                sleep(100);
            }
            assertTrue(second.count(LEADS) > standbyLeads, "the standby took the lease:\n" + second.output());
            long takeover = (System.nanoTime() - killed) / 1_000_000;
            assertTrue(takeover < 20_000, "took over in " + takeover + " ms (lease 6 s)");

            List<ConsumerRecord<String, String>> records = TestKafka.read(topic, 203, Duration.ofSeconds(60), Duration.ofSeconds(3));
            Set<String> updated = records.stream().filter(r -> r.value() != null && r.value().contains("changed after the failover"))
                    .map(ConsumerRecord::key).collect(Collectors.toSet());
            assertEquals(Set.copyOf(changed), updated, "the changes after the failover arrive");
            assertEquals(200, records.stream().map(ConsumerRecord::key).distinct().count(), "nothing lost");
            assertEquals(203, records.size(), "the standby resumed from the shared state: nothing re-published");
        }
    }

    private static HttpResponse<String> ready(ConnectorProcess replica) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + replica.httpPort(Duration.ofSeconds(30)) + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("readiness of the standby: " + e, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
