package org.magentokafka.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The packaged connector at its defaults, shared by the {@code idle} and {@code changes} scenarios: all five
 * streams (unless {@code bench.streams} names fewer), every store view of {@code bench.storeViews}, and only the
 * settings the user gave ({@code bench.concurrency}, {@code bench.pageSize}, {@code bench.paging},
 * {@code bench.idleAfter} for the poll interval, {@code bench.orderSignals=true}, {@code bench.stockIndexInterval}) passed as environment variables: what is not given stays the
 * connector's own default, so the figures are those of an untuned installation.
 */
final class DefaultsConnector implements AutoCloseable {

    static final List<String> STREAMS = List.of("products", "categories", "cms-pages", "source-items", "product-attributes");
    /** Streams read once per store view; the others are read in the first store view only (MagentoStream.storeScoped). */
    private static final List<String> STORE_SCOPED = List.of("products", "categories", "product-attributes");
    /** After the last initial sync, so that its trailing requests (republishing, metadata) stay out of the window. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    final BenchConnector process;
    final String name;
    final List<String> streams;
    /** When the benchmark saw the last stream finish its initial sync, plus {@link #SETTLE}. */
    final Instant settledAt;
    final Map<String, String> settings;
    private final Map<String, String> topics;

    private DefaultsConnector(BenchConnector process, String name, List<String> streams, Map<String, String> topics,
                              Map<String, String> settings, Instant settledAt) {
        this.process = process;
        this.name = name;
        this.streams = streams;
        this.topics = topics;
        this.settings = settings;
        this.settledAt = settledAt;
    }

    static DefaultsConnector start(BenchRig rig, String name) throws Exception {
        BenchOptions o = rig.options();
        String wanted = o.streams() == null ? "all" : o.streams();
        List<String> streams = new ArrayList<>();
        for (String s : STREAMS) {
            if (s.equals("products") || wanted.equals("all") || List.of(wanted.split(",")).contains(s)) {
                streams.add(s);
            }
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> topics = new LinkedHashMap<>();
        Map<String, String> env = new HashMap<>();
        env.put("MAGENTO_BASE_URL", rig.store.baseUrl());
        env.put("MAGENTO_AUTH_ACCESS_TOKEN", rig.store.options().accessToken());
        env.put("KAFKA_BOOTSTRAP_SERVERS", rig.bootstrap);
        for (String s : STREAMS) {
            String var = "MAGENTO_STREAMS_" + s.toUpperCase(Locale.ROOT).replace('-', '_');
            env.put(var + "_ENABLED", String.valueOf(streams.contains(s)));
            topics.put(s, "bench." + s + "." + id);
            env.put(var + "_TOPIC", topics.get(s));
        }
        // The settings that shape the load: only those given on the command line.
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("MAGENTO_STORE_CODES", String.join(",", o.storeViews()));
        putIfGiven(settings, "MAGENTO_MAX_CONCURRENCY", o.concurrency());
        putIfGiven(settings, "MAGENTO_PAGE_SIZE", o.pageSize());
        putIfGiven(settings, "MAGENTO_PAGING", o.paging());
        putIfGiven(settings, "MAGENTO_POLL_INTERVAL", o.pollInterval());
        // Scenario stock: the order signals only when asked for (bench.orderSignals=true), the stock-index interval only when given.
        putIfGiven(settings, "MAGENTO_STOCK_ORDER_SIGNALS", o.orderSignals() ? "true" : null);
        putIfGiven(settings, "MAGENTO_STOCK_INDEX_INTERVAL", o.stockIndexInterval());
        env.putAll(settings);

        rig.store.requests().clear();
        BenchConnector connector = BenchConnector.start(name, o.xmx(), env, o.echo());
        try {
            awaitInitialSync(connector, streams, o);
        } catch (Exception e) {
            connector.close();
            throw e;
        }
        Thread.sleep(SETTLE.toMillis());
        return new DefaultsConnector(connector, name, streams, topics, settings, Instant.now());
    }

    /**
     * Waits until every stream logged its first sync in each store view it reads: the {@code synced} line, or the
     * line a budgeted scan logs after its first page, whichever comes first.
     */
    private static void awaitInitialSync(BenchConnector connector, List<String> streams, BenchOptions o) throws InterruptedException {
        Map<String, Pattern> pending = new LinkedHashMap<>();
        for (String s : streams) {
            for (String code : STORE_SCOPED.contains(s) ? o.storeViews() : List.of(o.firstStoreView())) {
                pending.put(s + " in " + code, Pattern.compile("magento:" + Pattern.quote(s) + " (synced \\d+ items in \\d+ pages from \\S*/"
                        + Pattern.quote(code) + "/V1|scan of store view " + Pattern.quote(code) + ":)"));
            }
        }
        // Generous: all pages of all streams one at a time at the store's latency, plus the JVM's start.
        long requests = (long) Math.ceil(o.products() / 100.0) * 4 * o.storeViews().size() + 50;
        long deadline = System.currentTimeMillis() + requests * Math.max(1, o.latencyMillis()) + 240_000;
        System.out.println("[bench] waiting for the initial sync of " + pending.keySet() + " ...");
        while (!pending.isEmpty()) {
            pending.values().removeIf(p -> connector.find(p) != null);
            if (!connector.isAlive()) {
                throw new IllegalStateException("the connector exited during its initial sync; see target/bench/*.log");
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no initial sync of " + pending.keySet() + " logged in time; see target/bench/*.log");
            }
            Thread.sleep(200);
        }
        System.out.println("[bench] initial sync done");
    }

    private static void putIfGiven(Map<String, String> env, String name, Object value) {
        if (value != null) {
            env.put(name, value.toString());
        }
    }

    /** The topic a stream publishes a store view's events to (StoreTopics: the default store view has no suffix). */
    String topic(String stream, String storeView) {
        String base = topics.get(stream);
        return storeView.equals("default") ? base : base + "." + storeView;
    }

    /** E.g. {@code MAGENTO_STORE_CODES=default,fr; everything else at the connector's defaults}. */
    String describeSettings() {
        List<String> given = new ArrayList<>();
        settings.forEach((k, v) -> given.add(k + "=" + v));
        return String.join(" ", given) + "; streams " + streams + "; everything else at the connector's defaults";
    }

    @Override
    public void close() {
        process.close();
    }
}
