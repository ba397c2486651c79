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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.TestKafka;

/**
 * Two replicas for one store: only the lease holder polls; when it is killed, the standby takes over within the
 * lease time, resumes from the shared (Kafka-backed) state and the topic loses nothing; when it only froze, its
 * late writes are fenced and the topic still ends equal to the store.
 */
class HighAvailabilityIT {

    private static final Pattern LEADS = Pattern.compile("holds the lease: polling starts");

    @Test
    void onlyOneReplicaPollsAndTheStandbyTakesOverWhenTheLeaderDies() {
        // Both replicas share the lease, the Kafka-backed state and the topic.
        try (ConnectorEnvironment environment = highAvailability(200)
                // The strictest freshness limit: the standby's streams, which it does not run, must not be judged.
                .env("MAGENTO_HEALTH_MAX_FRESHNESS_CYCLES", "1")
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

    /**
     * The leader freezes (SIGSTOP, as in a long GC pause) right after the store answered its poll with the first
     * version of a product; the standby takes the lease over and publishes the second version; the old leader thaws
     * holding its page of the first version. Its late write must not land: the topic must end equal to the store.
     */
    @Test
    void aFrozenLeaderThatThawsCannotWriteAnOlderVersionOverItsSuccessor() throws Exception {
        try (ConnectorEnvironment environment = highAvailability(40).start()) {
            SandboxStore store = environment.store();
            String topic = environment.topic("products");
            ConnectorProcess a = environment.start("ha-freeze-a");
            ConnectorProcess b = environment.start("ha-freeze-b");
            Pattern synced = Pattern.compile("magento:products synced 40 items");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (a.count(synced) + b.count(synced) == 0 && System.nanoTime() < deadline) {
                sleep(200);
            }
            ConnectorProcess leader = a.count(synced) > 0 ? a : b;
            ConnectorProcess standby = leader == a ? b : a;
            standby.awaitLine(Pattern.compile("Apache Camel .* started"), Duration.ofSeconds(60));
            int standbyLeads = (int) standby.count(LEADS);

            // Edits go on all along, as an ERP's would.
            List<String> skus = store.catalog().products().stream().map(p -> p.get("sku").asText()).toList();
            String sku = skus.get(0);
            AtomicBoolean editing = new AtomicBoolean(true);
            Thread edits = new Thread(() -> {
                int n = 0;
                while (editing.get()) {
                    String other = skus.get(1 + n % (skus.size() - 1));
                    int version = ++n;
                    store.catalog().updateProduct(other, p -> p.put("name", "edit " + version + " of " + other));
                    sleep(700);
                }
            });
            edits.start();

            // The leader's next poll after the first version is answered, and the leader freezes before it reads it.
            CountDownLatch frozen = new CountDownLatch(1);
            AtomicBoolean armed = new AtomicBoolean(false);
            store.requests().beforeAnswer(r -> {
                if (r.path().endsWith("/V1/products") && r.query().containsValue("updated_at") && armed.compareAndSet(true, false)) {
                    leader.freeze();
                    frozen.countDown();
                }
            });
            store.catalog().updateProduct(sku, p -> p.put("name", "first version"));
            armed.set(true);
            assertTrue(frozen.await(30, TimeUnit.SECONDS), "the leader polled after the first version");
            store.requests().beforeAnswer(null);
            store.catalog().updateProduct(sku, p -> p.put("name", "second version"));
            try {
                long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                while (!"second version".equals(latestName(topic, sku)) && System.nanoTime() < until) {
                    sleep(500);
                }
                assertTrue(standby.count(LEADS) > standbyLeads, "the standby took the lease over:\n" + standby.output());
                assertEquals("second version", latestName(topic, sku), "the successor published the second version");
            } finally {
                leader.thaw();
            }
            // The old leader goes on where it stood: with its page of the first version in hand.
            leader.awaitLine(Pattern.compile("stands by"), Duration.ofSeconds(30));
            sleep(5000);
            editing.set(false);
            edits.join();
            // The new leader's next polls publish the last edits; then the topic must equal the store, field by field.
            sleep(6000);
            Map<String, JsonNode> latest = LatestEvents.read(topic, Integer.MAX_VALUE, Duration.ofSeconds(8), Duration.ZERO);
            for (var product : store.catalog().products()) {
                String key = product.get("sku").asText();
                assertTrue(latest.containsKey(key), key + " is in the topic");
                JsonNode event = latest.get(key);
                JsonNode published = event.has("product") ? event.get("product") : event;
                for (String field : List.of("name", "price", "status", "updated_at")) {
                    assertEquals(product.path(field).asText(), published.path(field).asText(),
                            key + "." + field + " in the topic equals the store (old leader:\n" + tail(leader.output()) + ")");
                }
            }
        }
    }

    private static ConnectorEnvironment.Builder highAvailability(int products) {
        return ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(products).storeCodes(List.of("default")).build())
                .topic("products", "ha")
                .otherStreamsDisabled()
                .pollInterval("1s")
                .env("MAGENTO_HA_ENABLED", "true")
                .env("MAGENTO_HA_GROUP", TestKafka.uniqueTopic("ha-group"))
                .env("MAGENTO_HA_LEASE_TOPIC", TestKafka.uniqueTopic("ha-lease"))
                .env("MAGENTO_HA_LEASE_TIME", "6s")
                .env("MAGENTO_STATE_STORE", "kafka")
                .env("MAGENTO_STATE_TOPIC", TestKafka.uniqueTopic("ha-state"));
    }

    /** The product name the latest event of {@code sku} carries (null: none yet, or deleted). */
    private static String latestName(String topic, String sku) {
        JsonNode event = LatestEvents.read(topic, Integer.MAX_VALUE, Duration.ofSeconds(3), Duration.ZERO).get(sku);
        return event == null ? null : (event.has("product") ? event.get("product") : event).path("name").asText();
    }

    private static String tail(String output) {
        return output.length() < 4000 ? output : output.substring(output.length() - 4000);
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
