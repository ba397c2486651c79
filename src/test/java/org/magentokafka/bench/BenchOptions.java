package org.magentokafka.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.magentokafka.component.Durations;

/**
 * The {@code bench.*} system properties (BENCHMARKS.md lists them). A blank value means "not given": the full-sync
 * scenario then uses its own fixed settings (as it always did), the idle and changes scenarios leave the connector
 * at its defaults, so that they measure what a user gets without tuning.
 *
 * <p>Scenario {@code stock} ({@link StockLatencyRun}): {@code bench.stockChangeEvery} (default 5s) and
 * {@code bench.orderEvery} (default 5s) pace its source-item changes and orders for {@code bench.mutationFor};
 * {@code bench.orderSignals} (default false) runs the connector with {@code MAGENTO_STOCK_ORDER_SIGNALS=true};
 * {@code bench.stockIndexInterval} (blank: not given) passes {@code MAGENTO_STOCK_INDEX_INTERVAL}.
 */
record BenchOptions(List<String> scenarios, int products, long latencyMillis, long offsetCostMicros, List<String> storeViews,
                    String xmx, boolean echo, boolean calibrateOnly,
                    Integer concurrency, Integer pageSize, String paging, String pollInterval, String streams,
                    Duration idleFor, double mutationsPerSecond, Duration mutationFor, Duration drainFor, int projectTo,
                    boolean gzip, boolean storefront,
                    boolean orderSignals, Duration stockChangeEvery, Duration orderEvery, String stockIndexInterval) {

    static final List<String> SCENARIOS = List.of("full-sync", "idle", "changes", "stock", "busy");

    static BenchOptions fromSystemProperties() {
        List<String> scenarios = new ArrayList<>();
        for (String s : list("bench.scenario", "full-sync")) {
            if (!SCENARIOS.contains(s)) {
                throw new IllegalArgumentException("bench.scenario=" + s + " is not a scenario: use " + String.join(", ", SCENARIOS)
                                                   + " or a comma-separated list of them");
            }
        }
        // Always in this order: the idle rate needs a store nothing has changed in, the changes come after it.
        for (String s : SCENARIOS) {
            if (list("bench.scenario", "full-sync").contains(s)) {
                scenarios.add(s);
            }
        }
        return new BenchOptions(scenarios, Integer.parseInt(text("bench.products", "20000")),
                Long.parseLong(text("bench.latency", "200")), Long.parseLong(text("bench.offsetCost", "0")),
                list("bench.storeViews", "default"), text("bench.xmx", "512m"), Boolean.getBoolean("bench.echo"),
                Boolean.parseBoolean(text("bench.calibrateOnly", "false")),
                integer("bench.concurrency"), integer("bench.pageSize"), text("bench.paging", null), text("bench.idleAfter", null),
                text("bench.streams", null),
                duration("bench.idleFor", "5m"), Double.parseDouble(text("bench.mutationsPerSecond", "2")),
                duration("bench.mutationFor", "3m"), duration("bench.drainFor", "1m"),
                Integer.parseInt(text("bench.projectTo", "100000")),
                // The web server's gzip: bytes received per product with and without it.
                Boolean.parseBoolean(text("bench.gzip", "true")),
                // Issue 14: the simulator's two-website storefront catalog, so the sync pays its storefront look-ups.
                storefront(text("bench.storefront", "off")),
                // Scenario stock ("Stock in seconds"): the connector's order signals (MAGENTO_STOCK_ORDER_SIGNALS=true, passed
                // only when true), a source item changed every stockChangeEvery and an order placed every orderEvery, and the
                // stock-index interval (MAGENTO_STOCK_INDEX_INTERVAL, passed only when given).
                Boolean.parseBoolean(text("bench.orderSignals", "false")), duration("bench.stockChangeEvery", "5s"),
                duration("bench.orderEvery", "5s"), text("bench.stockIndexInterval", null));
    }

    private static boolean storefront(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "full" -> true;
            case "off", "none", "false" -> false;
            default -> throw new IllegalArgumentException("bench.storefront=" + value
                                                          + " is not a storefront catalog: use full (StorefrontOptions.full()) or off");
        };
    }

    /** The store view the connector treats as the default one (its topics carry no store-code suffix). */
    String firstStoreView() {
        return storeViews.get(0);
    }

    private static String text(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static Integer integer(String name) {
        String v = text(name, null);
        return v == null ? null : Integer.valueOf(v);
    }

    private static Duration duration(String name, String fallback) {
        return Durations.parse(name, text(name, fallback));
    }

    private static List<String> list(String name, String fallback) {
        List<String> values = new ArrayList<>();
        for (String v : text(name, fallback).split(",")) {
            if (!v.isBlank() && !values.contains(v.strip().toLowerCase(Locale.ROOT))) {
                values.add(v.strip().toLowerCase(Locale.ROOT));
            }
        }
        return values;
    }
}
