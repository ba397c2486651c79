package org.magentokafka.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.magentokafka.sandbox.LoggedRequest;

/**
 * Scenario {@code busy}: a store edited all day (an ERP pushing prices and names), {@code bench.mutationsPerSecond}
 * product edits a second for {@code bench.mutationFor}, on the connector at its defaults. Prints rows read per row
 * changed (the connector's {@code magento_rows_read_total} for products against the edits made; limit 3), requests per
 * minute over the run (they must stay flat: the last minute within 20 % of the second) and change-to-event p50/p95
 * (limit 10 s at p95), and how many edits never reached Kafka (limit 0).
 */
final class BusyStoreRun {

    static final double ROWS_PER_CHANGE_LIMIT = 3;
    static final double FLAT_LIMIT = 0.20;

    private final BenchRig rig;
    private final BenchReport report;
    private final DefaultsConnector connector;

    BusyStoreRun(BenchRig rig, BenchReport report, DefaultsConnector connector) {
        this.rig = rig;
        this.report = report;
        this.connector = connector;
    }

    int run() throws Exception {
        BenchOptions o = rig.options();
        MutationLoad edits = new MutationLoad(MutationLoad.Kind.PRODUCT_EDITS, connector.topic("products", o.firstStoreView()),
                rig.store.catalog());
        Double itemsBefore = items();
        Instant from = Instant.now();
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        Instant madeUntil;
        try (EventWatcher events = new EventWatcher(rig.bootstrap, List.of(edits.topic), edits::seen)) {
            long periodMicros = Math.max(1, Math.round(1_000_000 / o.mutationsPerSecond()));
            System.out.printf("[bench] busy: %.1f product edits/s for %s ...%n", o.mutationsPerSecond(), o.mutationFor());
            load.scheduleAtFixedRate(edits::changeOne, 0, periodMicros, TimeUnit.MICROSECONDS);
            Thread.sleep(o.mutationFor().toMillis());
            load.shutdown();
            load.awaitTermination(10, TimeUnit.SECONDS);
            madeUntil = Instant.now();
            long drainUntil = System.currentTimeMillis() + o.drainFor().toMillis();
            while (System.currentTimeMillis() < drainUntil && connector.process.isAlive() && !edits.unseen().isEmpty()) {
                Thread.sleep(200);
            }
        } finally {
            load.shutdownNow();
        }
        Double itemsAfter = items();

        report.line("## busy: a store edited all the time");
        report.line("settings: %d products, %d ms per request; connector: %s", o.products(), o.latencyMillis(),
                connector.describeSettings());
        report.line("load: %.1f product edits/s (price or name, bumping updated_at) for %s", o.mutationsPerSecond(),
                BenchReport.seconds(o.mutationFor().toSeconds()));
        report.line("");
        List<Integer> perMinute = requestsPerMinute(from, madeUntil);
        report.line("| minute | " + String.join(" | ", range(perMinute.size())) + " |");
        report.line("|---|" + "---|".repeat(perMinute.size()));
        report.line("| requests | " + String.join(" | ", perMinute.stream().map(String::valueOf).toList()) + " |");
        report.line("");
        int exit = 0;
        double rowsRead = itemsBefore == null || itemsAfter == null ? Double.NaN : itemsAfter - itemsBefore;
        double ratio = rowsRead / Math.max(1, edits.made());
        report.line("**rows read per row changed: %.2f** (%.0f rows read for %d edits; limit %.0f: %.2fx)", ratio, rowsRead,
                edits.made(), ROWS_PER_CHANGE_LIMIT, ratio / ROWS_PER_CHANGE_LIMIT);
        if (perMinute.size() >= 3) {
            double second = perMinute.get(1);
            double last = perMinute.get(perMinute.size() - 1);
            double drift = second == 0 ? Double.NaN : Math.abs(last - second) / second;
            report.line("**requests per minute flat: last minute %.0f against the second %.0f, %.0f %% apart** (limit %.0f %%: %.2fx)",
                    last, second, drift * 100, FLAT_LIMIT * 100, drift / FLAT_LIMIT);
            exit = drift > FLAT_LIMIT ? 1 : exit;
        }
        List<Long> l = edits.latencies();
        if (!l.isEmpty()) {
            double p95 = ChangeLatencyRun.percentile(l, 95) / 1000.0;
            report.line("**change-to-event: p50 %s, p95 %s, max %s** (limit %.0f s at p95: %.2fx)",
                    BenchReport.seconds(ChangeLatencyRun.percentile(l, 50) / 1000.0), BenchReport.seconds(p95),
                    BenchReport.seconds(l.get(l.size() - 1) / 1000.0), ChangeLatencyRun.PRODUCT_P95_LIMIT_SECONDS,
                    p95 / ChangeLatencyRun.PRODUCT_P95_LIMIT_SECONDS);
            exit = p95 > ChangeLatencyRun.PRODUCT_P95_LIMIT_SECONDS ? 1 : exit;
        }
        report.line("**edits not in Kafka by the end: %d of %d** (limit 0)", edits.unseen().size(), edits.made());
        exit = !edits.unseen().isEmpty() || ratio > ROWS_PER_CHANGE_LIMIT ? 1 : exit;
        report.line("");
        connector.process.reportProblems(report);
        report.line("connector alive at the end: %s; logs: target/bench/%s.log", connector.process.isAlive(), connector.name);
        return connector.process.isAlive() ? exit : 1;
    }

    private Double items() {
        return ConnectorMetrics.scrape(connector.process.httpPort()).forStream("magento_rows_read_total", "products");
    }

    /** Requests the store received in each whole minute of the load. */
    private List<Integer> requestsPerMinute(Instant from, Instant until) {
        int minutes = (int) Math.max(1, Duration.between(from, until).toMinutes());
        int[] counts = new int[minutes];
        for (LoggedRequest r : rig.store.requests().all()) {
            long minute = Duration.between(from, r.at()).toMinutes();
            if (!r.at().isBefore(from) && minute < minutes) {
                counts[(int) minute]++;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int c : counts) {
            out.add(c);
        }
        return out;
    }

    private static List<String> range(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(String.valueOf(i));
        }
        return out;
    }
}
