package org.magentokafka.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.magentokafka.sandbox.SandboxCatalog;
import org.magentokafka.testing.Records;

/**
 * Changes of one kind the benchmark makes to the simulator's catalog, each waiting for the first event on its
 * topic that carries its new value: product edits (price or name; Magento bumps updated_at) matched on the products
 * topic by SKU, or stock moves (a source item's quantity; no timestamp) matched on the source-items topic by
 * {@code sku|source_code}. A key is not changed again while its previous change is unseen, so that every change has
 * an event of its own to be found by.
 */
final class MutationLoad {

    /** One change and, once seen, its latency. */
    record Mutation(String key, Instant at, Predicate<JsonNode> carriesNewValue) {
    }

    enum Kind { PRODUCT_EDITS, STOCK_MOVES }

    final Kind kind;
    final String topic;
    private final SandboxCatalog catalog;
    private final List<String> keys;
    private final Map<String, Double> quantities = new ConcurrentHashMap<>();
    private final Map<String, Mutation> pending = new ConcurrentHashMap<>();
    private final List<Long> latenciesMillis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger made = new AtomicInteger();
    private final Random random = new Random(15);

    MutationLoad(Kind kind, String topic, SandboxCatalog catalog) {
        this.kind = kind;
        this.topic = topic;
        this.catalog = catalog;
        this.keys = new ArrayList<>();
        if (kind == Kind.PRODUCT_EDITS) {
            catalog.products().forEach(p -> keys.add(p.get("sku").asText()));
        } else {
            for (ObjectNode item : catalog.sourceItems()) {
                String key = item.get("sku").asText() + "|" + item.get("source_code").asText();
                keys.add(key);
                quantities.put(key, item.get("quantity").asDouble());
            }
        }
    }

    /** Makes one change (called at the load's rate). */
    void changeOne() {
        String key = null;
        for (int tries = 0; tries < 20 && key == null; tries++) {
            String candidate = keys.get(random.nextInt(keys.size()));
            if (!pending.containsKey(candidate)) {
                key = candidate;
            }
        }
        if (key == null) {
            return;
        }
        int n = made.incrementAndGet();
        if (kind == Kind.STOCK_MOVES) {
            double quantity = quantities.get(key) + 1 + random.nextInt(20);
            quantities.put(key, quantity);
            String[] skuAndSource = key.split("\\|", 2);
            pending.put(key, new Mutation(key, Instant.now(), data -> same(data.path("quantity").asDouble(-1), quantity)));
            catalog.setSourceItemQuantity(skuAndSource[0], skuAndSource[1], quantity);
        } else if (n % 2 == 0) {
            double price = Math.round(catalog.product(key).orElseThrow().path("price").asDouble() * 100 + 1 + random.nextInt(500)) / 100.0;
            pending.put(key, new Mutation(key, Instant.now(), data -> same(data.path("product").path("price").asDouble(-1), price)));
            catalog.updateProduct(key, p -> p.put("price", price));
        } else {
            String name = catalog.product(key).orElseThrow().path("name").asText().replaceAll(" \\(edit \\d+\\)$", "") + " (edit " + n + ")";
            pending.put(key, new Mutation(key, Instant.now(), data -> name.equals(data.path("product").path("name").asText())));
            catalog.updateProduct(key, p -> p.put("name", name));
        }
    }

    /** A record of this load's topic: the first one carrying a pending change's new value settles it. */
    void seen(ConsumerRecord<String, String> record) {
        Mutation m = record.key() == null || record.value() == null ? null : pending.get(record.key());
        if (m == null) {
            return;
        }
        JsonNode data = Records.json(record);
        if (m.carriesNewValue().test(data)) {
            long at = record.timestamp() > 0 ? record.timestamp() : System.currentTimeMillis();
            if (pending.remove(record.key(), m)) {
                latenciesMillis.add(Math.max(0, at - m.at().toEpochMilli()));
            }
        }
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) < 1e-6;
    }

    int made() {
        return made.get();
    }

    List<Long> latencies() {
        synchronized (latenciesMillis) {
            List<Long> sorted = new ArrayList<>(latenciesMillis);
            Collections.sort(sorted);
            return sorted;
        }
    }

    List<Mutation> unseen() {
        return List.copyOf(pending.values());
    }

    String describe() {
        return kind == Kind.PRODUCT_EDITS ? "product edits (price or name; topic " + topic + ", key sku)"
                : "stock moves (source item quantity; topic " + topic + ", key sku|source_code)";
    }
}
