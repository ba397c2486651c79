package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.CloudEventRecords;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * One event per real change: an initial sync publishes every product as created; updates, a delete, stock changes
 * and an option-label change publish exactly the products concerned; a delete is a deleted event followed by a
 * tombstone; the same content coming back is a new event with a new id; a restart publishes nothing. Every record
 * is read through the CloudEvents SDK ({@link CloudEventRecords}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangeEventsTest {

    private static final int PRODUCTS = 200;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @AutoClose
    private static InProcessConnector connector;
    private static SandboxStore store;
    private static String topic;
    private static int seen;

    @BeforeAll
    static void start() {
        // Restarted or upgraded, the connector keeps its state directory and its topics.
        connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).build())
                .stream("products")
                .stream("categories")
                .stream("cms-pages")
                .stream("source-items")
                .stream("product-attributes")
                // One partition: "the records after those seen so far" is then the same set at every read.
                .partitions(1)
                .pollInterval("500ms")
                .option("reconcileInterval", "1s")
                .start();
        store = connector.store();
        topic = connector.topic("products");
    }

    @Test
    @Order(1)
    void theInitialSyncPublishesEveryProductOnceAsCreated() {
        List<ConsumerRecord<String, String>> records = TestKafka.read(topic, PRODUCTS, WAIT, Duration.ofSeconds(2));
        assertEquals(PRODUCTS, records.size());
        CloudEventRecords.assertEveryRecordConverts(records);
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
        // The delete is two records: its deleted event and the tombstone.
        int expected = seen + expectedUpdates.size() + 2;
        List<ConsumerRecord<String, String>> all = TestKafka.read(topic, expected, WAIT, Duration.ofSeconds(3));
        CloudEventRecords.assertEveryRecordConverts(all);
        List<ConsumerRecord<String, String>> changes = new ArrayList<>(all.subList(seen, all.size()));
        seen = all.size();

        Map<String, List<String>> typesByKey = new HashMap<>();
        CloudEventRecords.withoutTombstones(changes)
                .forEach(r -> typesByKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Records.header(r, "ce_type")));
        Map<String, List<String>> expectedTypes = new HashMap<>();
        expectedUpdates.forEach(k -> expectedTypes.put(k, List.of("magento.product.updated")));
        expectedTypes.put(deleted, List.of("magento.product.deleted"));
        assertEquals(expectedTypes, typesByKey, "exactly one event per changed product");

        List<ConsumerRecord<String, String>> delete = changes.stream().filter(r -> r.key().equals(deleted)).toList();
        assertEquals(2, delete.size(), "a delete is a deleted event and a tombstone: " + delete);
        assertEquals("magento.product.deleted", Records.header(delete.get(0), "ce_type"));
        assertEquals(deleted, Records.json(delete.get(0)).get("key").asText());
        assertEquals("default", Records.json(delete.get(0)).get("store_code").asText());
        assertEquals(delete.get(0).partition(), delete.get(1).partition());
        assertTrue(delete.get(0).offset() < delete.get(1).offset(), "the deleted event comes first");
        assertNull(delete.get(1).value(), "then the tombstone, for compaction");
        assertNull(delete.get(1).headers().lastHeader("content-type"), "a tombstone has no content-type");
        ConsumerRecord<String, String> relabel = changes.stream().filter(r -> relabelled.contains(r.key())).findFirst().orElseThrow();
        assertEquals("Renamed colour", Records.json(relabel).get("attributes").get("color").get("value_label").asText());
        ConsumerRecord<String, String> restock = changes.stream().filter(r -> r.key().equals(restocked.get(0))).findFirst().orElseThrow();
        double total = store.catalog().sourceItems().stream().filter(s -> s.get("sku").asText().equals(restocked.get(0)))
                .mapToDouble(s -> s.get("quantity").asDouble()).sum();
        assertEquals(total, Records.json(restock).get("inventory").get("quantity").asDouble(), 1e-9);
    }

    @Test
    @Order(3)
    void aStockFlipFiveZeroFiveZeroIsThreeUpdatesWithThreeIds() {
        ObjectNode source = singleSourceItem();
        String sku = source.get("sku").asText();
        String sourceCode = source.get("source_code").asText();
        if (source.get("quantity").asDouble() != 5) {
            store.catalog().setSourceItemQuantity(sku, sourceCode, 5);
            nextEventsOf(sku, 1);
        }
        List<ConsumerRecord<String, String>> flips = new ArrayList<>();
        for (double quantity : new double[] {0, 5, 0}) {
            store.catalog().setSourceItemQuantity(sku, sourceCode, quantity);
            flips.addAll(nextEventsOf(sku, 1));
        }
        assertEquals(List.of("magento.product.updated", "magento.product.updated", "magento.product.updated"),
                flips.stream().map(r -> Records.header(r, "ce_type")).toList());
        assertEquals(List.of(0.0, 5.0, 0.0), flips.stream().map(r -> Records.json(r).get("inventory").get("quantity").asDouble()).toList());
        assertEquals(Records.json(flips.get(0)), Records.json(flips.get(2)), "both 5 -> 0 changes publish the same document");
        assertEquals(3, flips.stream().map(r -> Records.header(r, "ce_id")).distinct().count(),
                "yet three distinct events have three distinct ids: " + flips.stream().map(r -> Records.header(r, "ce_id")).toList());
    }

    /** The next {@code count} records after those seen so far, all of them of this key. */
    private static List<ConsumerRecord<String, String>> nextEventsOf(String key, int count) {
        List<ConsumerRecord<String, String>> all = TestKafka.read(topic, seen + count, WAIT, Duration.ofSeconds(2));
        CloudEventRecords.assertEveryRecordConverts(all);
        List<ConsumerRecord<String, String>> next = new ArrayList<>(all.subList(seen, all.size()));
        seen = all.size();
        assertEquals(count, next.size(), "exactly the change of " + key + ": " + next);
        next.forEach(r -> assertEquals(key, r.key()));
        return next;
    }

    private static ObjectNode singleSourceItem() {
        Map<String, List<ObjectNode>> bySku = store.catalog().sourceItems().stream()
                .collect(Collectors.groupingBy(s -> s.get("sku").asText()));
        return bySku.values().stream().filter(items -> items.size() == 1).map(items -> items.get(0))
                .filter(s -> store.catalog().product(s.get("sku").asText()).isPresent()).findFirst().orElseThrow();
    }

    @Test
    @Order(4)
    void aRestartPublishesNothing() {
        connector.restart();
        assertNothingPublishedAfterSomePolls("a restart");
    }

    @Test
    @Order(5)
    void anUpgradeFromTheHashOnlyStateFormatPublishesNothingAndThenNewIds() throws Exception {
        connector.stop();
        downgradeStateFiles();
        connector.restart();
        assertNothingPublishedAfterSomePolls("an upgrade from the earlier state format");

        String sku = store.catalog().products().get(0).get("sku").asText();
        List<String> earlierIds = TestKafka.read(topic, seen, WAIT, Duration.ZERO).stream()
                .map(r -> Records.header(r, "ce_id")).toList();
        store.catalog().updateProduct(sku, p -> p.put("name", p.get("name").asText() + " (after the upgrade)"));
        ConsumerRecord<String, String> update = nextEventsOf(sku, 1).get(0);
        assertEquals("magento.product.updated", Records.header(update, "ce_type"), "the upgraded state still knows the key");
        assertFalse(earlierIds.contains(Records.header(update, "ce_id")), "a new change, a new id");
    }

    /** Rewrites the state files as the version before sequences wrote them: H (hash, key), D (key), W; no checksums. */
    private static void downgradeStateFiles() throws Exception {
        try (var files = Files.list(connector.stateDirectory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".state")).toList()) {
                StringBuilder old = new StringBuilder();
                for (String checked : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (checked.startsWith("F\t")) {
                        continue;
                    }
                    String line = checked.substring(0, checked.lastIndexOf("\t#"));
                    String[] v = line.split("\t", 4);
                    if (v[0].equals("V")) {
                        old.append(v[1].equals("-") ? "D\t-\t" + v[3] : "H\t" + v[1] + "\t" + v[3]).append('\n');
                    } else {
                        old.append(line).append('\n');
                    }
                }
                assertTrue(old.indexOf("H\t") >= 0, "the state file " + file + " holds published keys");
                Files.writeString(file, old, StandardCharsets.UTF_8);
            }
        }
    }

    private static void assertNothingPublishedAfterSomePolls(String after) {
        int before = store.requests().matching("/V1/products").size();
        // Let several polls and a reconcile sweep run.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (store.requests().matching("/V1/products").size() < before + 4 && System.nanoTime() < deadline) {
            sleep(200);
        }
        assertTrue(store.requests().matching("/V1/products").size() >= before + 4, "the restarted connector polls");
        List<ConsumerRecord<String, String>> all = TestKafka.read(topic, seen + 1, Duration.ofSeconds(3), Duration.ZERO);
        assertEquals(seen, all.size(), "nothing new after " + after + ": " + all.subList(Math.min(seen, all.size()), all.size()));
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
