package org.magentokafka.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.magentokafka.sandbox.AclResources;
import org.magentokafka.component.Durations;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxCatalog;
import org.magentokafka.sandbox.SandboxStorefront;
import org.magentokafka.sandbox.Website;
import org.magentokafka.testing.Records;

/**
 * Scenario {@code stock} ("Stock in seconds"), on the connector at its defaults (with
 * {@code MAGENTO_STOCK_ORDER_SIGNALS=true} when {@code bench.orderSignals=true}): for {@code bench.mutationFor},
 * <ul>
 * <li>every {@code bench.stockChangeEvery}, a random simple product's source item gets a new quantity (higher than
 * any it had: never a value an older event carries), matched to the first event of the product on the
 * <b>products</b> topic whose {@code inventory.sources[source_code].quantity} carries it;</li>
 * <li>every {@code bench.orderEvery}, an order of the whole salable quantity of a random salable simple product in
 * the first store view's website (a reservation: no product or source item changes), matched to the first event of
 * the product whose {@code salable.is_salable} is false.</li>
 * </ul>
 * A product gets one pending change at a time, and a product once ordered gets no source change (it could make it
 * salable again), so each change is settled by an event of its own. Latency = change made to the event's Kafka record
 * timestamp. Prints per kind p50/p95/max and the unseen, against 90 s at p95 for a source change and, with order
 * signals, 10 s at p95 for an order (without them the stock index finds it: against 90 s too), and the requests the store received meanwhile, in total and per
 * route, so that what the stock index dump, the orders and the credit memos cost shows.
 */
final class StockLatencyRun {

    /** "Stock in seconds": a source item's change reaches the product's event within this at p95. */
    static final double SOURCE_P95_LIMIT_SECONDS = 90;
    /** "Stock in seconds": with order signals, an order that sells a product out reaches its event within this at p95. */
    static final double ORDER_P95_LIMIT_SECONDS = 10;
    /** The connector's stock-index pass, unless {@code MAGENTO_STOCK_INDEX_INTERVAL} says otherwise. */
    static final Duration DEFAULT_STOCK_INDEX_INTERVAL = Duration.ofSeconds(60);
    /** The routes whose cost the scenario is about (route prefixes as {@link RouteName} spells them). */
    static final List<String> STOCK_ROUTES = List.of("GET /V1/inventory/dump-stock-index-data", "GET /V1/orders",
            "GET /V1/creditmemos", "GET /V1/inventory/export-stock-salable-qty", "GET /V1/inventory/source-items");

    private final BenchRig rig;
    private final BenchReport report;
    private final DefaultsConnector connector;
    private final Random random = new Random(16);

    private final PendingChanges sourceChanges = new PendingChanges();
    private final PendingChanges orders = new PendingChanges();
    /** SKUs ordered in this run: never changed at a source afterwards, never ordered again. */
    private final Set<String> ordered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger noSalableFound = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    private SandboxCatalog catalog;
    private SandboxStorefront storefront;
    private Website website;
    private List<String> simples;
    private List<String> sourceKeys;
    private Map<String, Double> quantities;

    StockLatencyRun(BenchRig rig, BenchReport report, DefaultsConnector connector) {
        this.rig = rig;
        this.report = report;
        this.connector = connector;
    }

    int run() throws Exception {
        BenchOptions o = rig.options();
        catalog = rig.store.catalog();
        storefront = catalog.storefront();
        // Every store view the bench creates (bench.storeViews) belongs to the main website, the first one listed
        // (the second website of bench.storefront=full has only its own view "eu", which the bench never reads).
        website = storefront.websites().get(0);
        pickCandidates();
        String topic = connector.topic("products", o.firstStoreView());

        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        Instant from;
        Instant end;
        try (EventWatcher events = new EventWatcher(rig.bootstrap, List.of(topic), this::seen)) {
            System.out.printf("[bench] stock: a source item change every %s and an order every %s for %s (order signals %s) ...%n",
                    o.stockChangeEvery(), o.orderEvery(), o.mutationFor(), o.orderSignals() ? "on" : "off");
            from = Instant.now();
            long sourceMillis = Math.max(1, o.stockChangeEvery().toMillis());
            long orderMillis = Math.max(1, o.orderEvery().toMillis());
            load.scheduleAtFixedRate(() -> guarded(this::changeSource), 0, sourceMillis, TimeUnit.MILLISECONDS);
            load.scheduleAtFixedRate(() -> guarded(this::placeOrder), orderMillis / 2, orderMillis, TimeUnit.MILLISECONDS);
            Thread.sleep(o.mutationFor().toMillis());
            load.shutdown();
            load.awaitTermination(10, TimeUnit.SECONDS);
            System.out.println("[bench] stock changes and orders made; waiting up to " + o.drainFor() + " for their events ...");
            long drainUntil = System.currentTimeMillis() + o.drainFor().toMillis();
            while (System.currentTimeMillis() < drainUntil && connector.process.isAlive()
                   && !(sourceChanges.unseen().isEmpty() && orders.unseen().isEmpty())) {
                Thread.sleep(200);
            }
            end = Instant.now();
        } finally {
            load.shutdownNow();
        }
        print(o, topic, from, end);
        connector.process.reportProblems(report);
        report.line("connector alive at the end: %s; logs: target/bench/%s.log", connector.process.isAlive(), connector.name);
        report.line("");
        return connector.process.isAlive() ? 0 : 1;
    }

    /** Simple products of the website (an order reserves a simple; a configurable has no source items) and their source items. */
    private void pickCandidates() {
        simples = new ArrayList<>();
        for (ObjectNode p : catalog.products()) {
            if ("simple".equals(p.path("type_id").asText()) && inWebsite(p, website.id())) {
                simples.add(p.get("sku").asText());
            }
        }
        Set<String> simpleSkus = new HashSet<>(simples);
        sourceKeys = new ArrayList<>();
        quantities = new ConcurrentHashMap<>();
        for (ObjectNode item : catalog.sourceItems()) {
            String sku = item.get("sku").asText();
            if (simpleSkus.contains(sku)) {
                String key = sku + "|" + item.get("source_code").asText();
                sourceKeys.add(key);
                quantities.put(key, item.get("quantity").asDouble());
            }
        }
        if (simples.isEmpty() || sourceKeys.isEmpty()) {
            throw new IllegalStateException("the stock scenario found no simple product with source items in website " + website.code());
        }
    }

    static boolean inWebsite(JsonNode product, int websiteId) {
        for (JsonNode id : product.path("extension_attributes").path("website_ids")) {
            if (id.asInt() == websiteId) {
                return true;
            }
        }
        return false;
    }

    /** A source item of a random simple product gets a quantity it never had (its highest so far plus 1 to 20). */
    private void changeSource() {
        String key = null;
        for (int tries = 0; tries < 50 && key == null; tries++) {
            String candidate = sourceKeys.get(random.nextInt(sourceKeys.size()));
            String sku = skuOf(candidate);
            if (!sourceChanges.isPending(sku) && !orders.isPending(sku) && !ordered.contains(sku)) {
                key = candidate;
            }
        }
        if (key == null) {
            return;
        }
        String sku = skuOf(key);
        String source = key.substring(sku.length() + 1);
        double quantity = quantities.get(key) + 1 + random.nextInt(20);
        quantities.put(key, quantity);
        sourceChanges.made(new PendingChanges.Change(sku, source + " = " + quantity, Instant.now(),
                value -> StockEvents.carriesSourceQuantity(value, source, quantity)));
        catalog.setSourceItemQuantity(sku, source, quantity);
    }

    /** An order of a random salable simple product's whole salable quantity: it is sold out in the website. */
    private void placeOrder() {
        for (int tries = 0; tries < 50; tries++) {
            String sku = simples.get(random.nextInt(simples.size()));
            if (ordered.contains(sku) || sourceChanges.isPending(sku) || orders.isPending(sku)) {
                continue;
            }
            Optional<Double> salable = storefront.salableQuantity(sku, website.code());
            if (salable.isEmpty() || salable.get() <= 0) {
                continue;
            }
            double quantity = salable.get();
            ordered.add(sku);
            PendingChanges.Change change = new PendingChanges.Change(sku, "order of " + quantity, Instant.now(), StockEvents::carriesSoldOut);
            orders.made(change);
            try {
                storefront.placeOrder(sku, website.code(), quantity);
            } catch (RuntimeException e) {
                orders.withdraw(change);
                throw e;
            }
            return;
        }
        noSalableFound.incrementAndGet();
    }

    private void seen(ConsumerRecord<String, String> record) {
        String key = record.key();
        if (key == null || record.value() == null || !(sourceChanges.isPending(key) || orders.isPending(key))) {
            return;
        }
        JsonNode value = Records.json(record);
        long at = record.timestamp() > 0 ? record.timestamp() : System.currentTimeMillis();
        sourceChanges.seen(key, at, value);
        orders.seen(key, at, value);
    }

    /** A scheduled task that throws is never run again: log and go on. */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            System.out.println("[bench] stock: a change failed: " + e);
        }
    }

    private static String skuOf(String sourceKey) {
        return sourceKey.substring(0, sourceKey.lastIndexOf('|'));
    }

    // ---------------------------------------------------------------- the report

    private void print(BenchOptions o, String topic, Instant from, Instant end) {
        PendingChanges.Summary source = sourceChanges.summary(end);
        PendingChanges.Summary order = orders.summary(end);
        Duration cycle = o.stockIndexInterval() == null ? DEFAULT_STOCK_INDEX_INTERVAL
                : Durations.parse("bench.stockIndexInterval", o.stockIndexInterval());

        report.line("## stock: stock changes and orders to product events");
        report.line("settings: %d products, %d ms per request, store views %s; connector: %s", o.products(), o.latencyMillis(),
                o.storeViews(), connector.describeSettings());
        report.line("load: a source item of a random simple product set to a new quantity every %s and an order of a random"
                    + " salable simple product's whole salable quantity (website `%s`, stock %d) every %s, for %s, then up to %s for"
                    + " the last events; %d simple products, %d of their source items; latency = change made to the record timestamp"
                    + " of the product's first event on `%s` (key sku) carrying it",
                limitSeconds(o.stockChangeEvery().toMillis() / 1000.0), website.code(), website.stockId(),
                limitSeconds(o.orderEvery().toMillis() / 1000.0), limitSeconds(o.mutationFor().toSeconds()),
                limitSeconds(o.drainFor().toSeconds()), simples.size(), sourceKeys.size(), topic);
        report.line("order signals: %s; stock-index interval: %s; the integration holds %s", o.orderSignals() ? "on (MAGENTO_STOCK_ORDER_SIGNALS=true)"
                        : "off (MAGENTO_STOCK_ORDER_SIGNALS not set: the connector's default)",
                o.stockIndexInterval() == null ? "not given (the connector's default, " + limitSeconds(cycle.toMillis() / 1000.0) + " assumed)"
                        : o.stockIndexInterval() + " (MAGENTO_STOCK_INDEX_INTERVAL)",
                rig.store.grantedResources().contains(AclResources.SALES_ORDERS) ? "every resource, " + AclResources.SALES_ORDERS + " included"
                        : "no " + AclResources.SALES_ORDERS);
        if (!connector.streams.contains(ScanCyclesReport.STREAM)) {
            report.line("(the source-items stream is off: bench.streams=%s)", o.streams());
        }
        report.line("");
        report.line("| kind | changes | seen | p50 | p95 | max | not seen by the end | oldest unseen |");
        report.line("|---|---|---|---|---|---|---|---|");
        row("source change → product event (`inventory.sources[].quantity`)", source);
        row("order → sold-out product event (`salable.is_salable: false`)", order);
        report.line("");
        report.line("%s", verdict("source change → product event", source, SOURCE_P95_LIMIT_SECONDS, limitSeconds(SOURCE_P95_LIMIT_SECONDS)));
        if (o.orderSignals()) {
            report.line("%s", verdict("order → sold-out event", order, ORDER_P95_LIMIT_SECONDS,
                    limitSeconds(ORDER_P95_LIMIT_SECONDS) + " with order signals"));
        } else {
            // Without order signals the stock index finds a sold-out product (Magento turns its index flag false):
            // the same goal as a source-level change.
            report.line("%s", verdict("order → sold-out event, without order signals", order, SOURCE_P95_LIMIT_SECONDS,
                    limitSeconds(SOURCE_P95_LIMIT_SECONDS) + ", found by the stock index like a source change"));
            report.line("(the %s limit at p95 is for a connector with order signals: -Dbench.orderSignals=true)",
                    limitSeconds(ORDER_P95_LIMIT_SECONDS));
        }
        if (noSalableFound.get() > 0 || failures.get() > 0) {
            report.line("(%d order ticks found no salable simple product in 50 tries; %d changes failed, see the output)",
                    noSalableFound.get(), failures.get());
        }
        report.line("");
        requests(o, from, end);
    }

    private void row(String kind, PendingChanges.Summary s) {
        report.line("| %s | %d | %d | %s | %s | %s | %d | %s |", kind, s.made(), s.latencies().size(), seconds(s.p50()), seconds(s.p95()),
                seconds(s.max()), s.unseen(), s.unseen() == 0 ? "-" : BenchReport.seconds(s.oldestUnseenSeconds()));
    }

    /**
     * E.g. {@code **source change → product event: p95 41.2 s (limit 90 s: 0.46x)**}; with unseen changes, the p95
     * counts them at their age at the end and is a lower bound ({@code >=}).
     *
     * @param limit how the limit reads in the line, e.g. {@code 90 s} or {@code 10 s with order signals}
     */
    static String verdict(String what, PendingChanges.Summary s, double limitSeconds, String limit) {
        if (s.made() == 0) {
            return "**" + what + ": no change made** (limit " + limit + ")";
        }
        double p95Seconds = s.p95AllChanges() / 1000.0;
        String bound = s.unseen() == 0 ? "" : ">= ";
        String unseen = s.unseen() == 0 ? "" : String.format(Locale.ROOT, "; %d of %d not seen by the end, counted at their age (the oldest %s)",
                s.unseen(), s.made(), BenchReport.seconds(s.oldestUnseenSeconds()));
        return String.format(Locale.ROOT, "**%s: p95 %s%s (limit %s: %s%.2fx)**%s", what, bound, BenchReport.seconds(p95Seconds), limit, bound,
                p95Seconds / limitSeconds, unseen);
    }

    /** {@code 90 s}, {@code 2.5 min}. */
    static String limitSeconds(double seconds) {
        return BenchReport.seconds(seconds).replace(".0 s", " s");
    }

    /** The requests the store received from the first change to the end of the drain: total, per route, the stock routes. */
    private void requests(BenchOptions o, Instant from, Instant end) {
        List<LoggedRequest> window = rig.store.requests().all().stream().filter(r -> !r.at().isBefore(from) && r.at().isBefore(end)).toList();
        double seconds = Math.max(1, Duration.between(from, end).toMillis()) / 1000.0;
        double minutes = seconds / 60;
        Map<String, Map<String, Integer>> byRoute = byRoute(window, new HashSet<>(o.storeViews()));
        report.line("requests the store received during the scenario (%s, first change to the end of the drain): **%d, %.2f req/s**",
                BenchReport.seconds(seconds), window.size(), window.size() / seconds);
        report.line("");
        report.line("| route | requests | per minute | of which |");
        report.line("|---|---|---|---|");
        byRoute.forEach((route, variants) -> {
            int n = variants.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder parts = new StringBuilder();
            variants.forEach((v, c) -> parts.append(parts.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s: %.1f/min", v, c / minutes)));
            report.line("| `%s` | %d | %.1f | %s |", route, n, n / minutes, parts);
        });
        report.line("| **total** | %d | **%.1f** | %.2f req/s |", window.size(), window.size() / minutes, window.size() / seconds);
        report.line("");
        List<String> stock = new ArrayList<>();
        for (String prefix : STOCK_ROUTES) {
            int n = count(byRoute, prefix);
            stock.add(String.format(Locale.ROOT, "`%s` %d (%.1f/min, %.3f req/s)", prefix, n, n / minutes, n / seconds));
        }
        report.line("stock routes: %s", String.join("; ", stock));
        report.line("");
    }

    /** Requests per route (method + path without store code and keys) and variant (what they asked: RouteName). */
    static Map<String, Map<String, Integer>> byRoute(List<LoggedRequest> requests, Set<String> storeCodes) {
        Map<String, Map<String, Integer>> byRoute = new TreeMap<>();
        for (LoggedRequest r : requests) {
            RouteName name = RouteName.of(r, storeCodes);
            byRoute.computeIfAbsent(name.route(), k -> new TreeMap<>()).merge(name.variant(), 1, Integer::sum);
        }
        return byRoute;
    }

    /** Requests of the routes that are {@code prefix} or start with {@code prefix + "/"}. */
    static int count(Map<String, Map<String, Integer>> byRoute, String prefix) {
        int n = 0;
        for (Map.Entry<String, Map<String, Integer>> e : byRoute.entrySet()) {
            if (e.getKey().equals(prefix) || e.getKey().startsWith(prefix + "/")) {
                n += e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            }
        }
        return n;
    }

    private static String seconds(Long millis) {
        return millis == null ? "-" : BenchReport.seconds(millis / 1000.0);
    }
}
