package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * One event per real change: an initial sync publishes every product as created; updates, a delete, stock changes
 * and an option-label change publish exactly the products concerned; a restart publishes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangeEventsIT {

    private static final int PRODUCTS = 200;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static SandboxStore store;
    private static ConnectorProcess connector;
    private static String topic;
    private static Path state;
    private static int seen;

    @BeforeAll
    static void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).build());
        topic = TestKafka.uniqueTopic("changes");
        state = Path.of("target/it-state/change-events-" + System.nanoTime()).toAbsolutePath();
        connector = start("change-events");
    }

    private static ConnectorProcess start(String name) {
        Map<String, String> env = new HashMap<>(Map.of(
                "MAGENTO_BASE_URL", store.baseUrl(),
                "MAGENTO_AUTH_ACCESS_TOKEN", store.options().accessToken(),
                "MAGENTO_POLL_INTERVAL", "2s",
                "MAGENTO_RECONCILE_INTERVAL", "3s",
                "MAGENTO_STATE_DIRECTORY", state.toString(),
                "MAGENTO_STREAMS_PRODUCTS_TOPIC", topic,
                "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()));
        for (String stream : List.of("categories", "cms-pages", "source-items", "product-attributes")) {
            env.put("MAGENTO_STREAMS_" + stream.toUpperCase().replace('-', '_') + "_TOPIC", TestKafka.uniqueTopic(stream));
        }
        return ConnectorProcess.start(name, env);
    }

    @AfterAll
    static void stop() {
        if (connector != null) {
            connector.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    @Order(1)
    void theInitialSyncPublishesEveryProductOnceAsCreated() {
        List<ConsumerRecord<String, String>> records = TestKafka.read(topic, PRODUCTS, WAIT, Duration.ofSeconds(5));
        assertEquals(PRODUCTS, records.size());
        seen = records.size();
        for (ConsumerRecord<String, String> r : records) {
            assertEquals("magento.product.created", Records.header(r, "ce_type"));
            assertEquals("1.0", Records.header(r, "ce_specversion"));
            assertEquals(r.key(), Records.header(r, "ce_subject"));
            assertEquals(store.baseUrl() + "/rest/default", Records.header(r, "ce_source"));
            assertEquals("application/json", Records.header(r, "content-type"));
            assertNotNull(Records.header(r, "ce_id"));
            Instant.parse(Records.header(r, "ce_time"));
        }
        assertEquals(PRODUCTS, records.stream().map(r -> Records.header(r, "ce_id")).distinct().count());
    }

    @Test
    @Order(2)
    void updatesADeleteStockAndALabelChangePublishExactlyTheProductsConcerned() {
        List<ObjectNode> products = store.catalog().products();
        // The label change touches every product whose colour is the changed option; pick the others apart from them.
        String colorOption = colorOf(products.get(0));
        Set<String> relabelled = products.stream().filter(p -> colorOption.equals(colorOf(p)))
                .map(p -> p.get("sku").asText()).collect(Collectors.toSet());
        List<String> others = products.stream().map(p -> p.get("sku").asText()).filter(s -> !relabelled.contains(s)).toList();
        List<String> updated = others.subList(0, 3);
        String deleted = others.get(3);
        List<String> restocked = List.of(others.get(4), others.get(5));

        updated.forEach(sku -> store.catalog().updateProduct(sku, p -> p.put("name", p.get("name").asText() + " (new)")));
        store.catalog().deleteProduct(deleted);
        for (String sku : restocked) {
            ObjectNode source = store.catalog().sourceItems().stream().filter(s -> s.get("sku").asText().equals(sku)).findFirst().orElseThrow();
            store.catalog().setSourceItemQuantity(sku, source.get("source_code").asText(), source.get("quantity").asDouble() + 7);
        }
        store.catalog().setOptionLabel("color", colorOption, "Renamed colour");

        Set<String> expectedUpdates = new HashSet<>(updated);
        expectedUpdates.addAll(restocked);
        expectedUpdates.addAll(relabelled);
        int expected = seen + expectedUpdates.size() + 1;
        List<ConsumerRecord<String, String>> all = TestKafka.read(topic, expected, WAIT, Duration.ofSeconds(8));
        List<ConsumerRecord<String, String>> changes = new ArrayList<>(all.subList(seen, all.size()));
        seen = all.size();

        Map<String, List<String>> typesByKey = new HashMap<>();
        changes.forEach(r -> typesByKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Records.header(r, "ce_type")));
        Map<String, List<String>> expectedTypes = new HashMap<>();
        expectedUpdates.forEach(k -> expectedTypes.put(k, List.of("magento.product.updated")));
        expectedTypes.put(deleted, List.of("magento.product.deleted"));
        assertEquals(expectedTypes, typesByKey, "exactly one event per changed product");

        ConsumerRecord<String, String> tombstone = changes.stream().filter(r -> r.key().equals(deleted)).findFirst().orElseThrow();
        assertNull(tombstone.value(), "a delete is a tombstone");
        ConsumerRecord<String, String> relabel = changes.stream().filter(r -> relabelled.contains(r.key())).findFirst().orElseThrow();
        assertEquals("Renamed colour", Records.json(relabel).get("attributes").get("color").get("value_label").asText());
        ConsumerRecord<String, String> restock = changes.stream().filter(r -> r.key().equals(restocked.get(0))).findFirst().orElseThrow();
        double total = store.catalog().sourceItems().stream().filter(s -> s.get("sku").asText().equals(restocked.get(0)))
                .mapToDouble(s -> s.get("quantity").asDouble()).sum();
        assertEquals(total, Records.json(restock).get("inventory").get("quantity").asDouble(), 1e-9);
    }

    @Test
    @Order(3)
    void aRestartPublishesNothing() {
        connector.stop();
        connector = start("change-events-restarted");
        connector.awaitLine(Pattern.compile("Apache Camel .* started"), WAIT);
        int before = store.requests().matching("/V1/products").size();
        // Let several polls and a reconcile sweep run.
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (store.requests().matching("/V1/products").size() < before + 4 && System.nanoTime() < deadline) {
            sleep(200);
        }
        assertTrue(store.requests().matching("/V1/products").size() >= before + 4, "the restarted connector polls");
        List<ConsumerRecord<String, String>> all = TestKafka.read(topic, seen + 1, Duration.ofSeconds(6), Duration.ZERO);
        assertEquals(seen, all.size(), "nothing new after a restart: " + all.subList(Math.min(seen, all.size()), all.size()));
    }

    private static String colorOf(ObjectNode product) {
        for (var ca : product.get("custom_attributes")) {
            if ("color".equals(ca.get("attribute_code").asText())) {
                return ca.get("value").asText();
            }
        }
        return "";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
