package org.magentokafka.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scenario {@code changes}: a steady load of product edits and stock moves, {@code bench.mutationsPerSecond}
 * of each kind for {@code bench.mutationFor}, on the connector at its defaults; each change is matched to the first
 * event carrying its new value. Prints per kind p50, p95 and max change-to-event latency (change made to record
 * timestamp, i.e. when the connector handed the event to Kafka), against 10 s at p95 for products and against the
 * scan cycle the connector logged for stock, which a scan finds (so they can take up to one cycle).
 */
final class ChangeLatencyRun {

    /** Issue 15: product, category and CMS changes reach Kafka within this at p95, at the defaults. */
    static final double PRODUCT_P95_LIMIT_SECONDS = 10;

    private final BenchRig rig;
    private final BenchReport report;
    private final DefaultsConnector connector;
    /** What the idle scenario measured before on this connector (page 1 to page 1 of the source-items scan), or null. */
    private final Double measuredLongestUnseen;

    ChangeLatencyRun(BenchRig rig, BenchReport report, DefaultsConnector connector, Double measuredLongestUnseen) {
        this.rig = rig;
        this.report = report;
        this.connector = connector;
        this.measuredLongestUnseen = measuredLongestUnseen;
    }

    int run() throws Exception {
        BenchOptions o = rig.options();
        if (!connector.streams.contains(ScanCyclesReport.STREAM)) {
            throw new IllegalStateException("the changes scenario needs the source-items stream: leave bench.streams unset (all)");
        }
        MutationLoad products = new MutationLoad(MutationLoad.Kind.PRODUCT_EDITS, connector.topic("products", o.firstStoreView()), rig.store.catalog());
        MutationLoad stock = new MutationLoad(MutationLoad.Kind.STOCK_MOVES, connector.topic("source-items", o.firstStoreView()), rig.store.catalog());
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        Instant end;
        try (EventWatcher productEvents = new EventWatcher(rig.bootstrap, List.of(products.topic), products::seen);
             EventWatcher stockEvents = new EventWatcher(rig.bootstrap, List.of(stock.topic), stock::seen)) {
            long periodMicros = Math.max(1, Math.round(1_000_000 / o.mutationsPerSecond()));
            System.out.printf("[bench] changes: %.1f product edits/s and %.1f stock moves/s for %s ...%n", o.mutationsPerSecond(),
                    o.mutationsPerSecond(), o.mutationFor());
            load.scheduleAtFixedRate(products::changeOne, 0, periodMicros, TimeUnit.MICROSECONDS);
            load.scheduleAtFixedRate(stock::changeOne, periodMicros / 2, periodMicros, TimeUnit.MICROSECONDS);
            Thread.sleep(o.mutationFor().toMillis());
            load.shutdown();
            load.awaitTermination(10, TimeUnit.SECONDS);
            System.out.println("[bench] changes made; waiting up to " + o.drainFor() + " for their events ...");
            long drainUntil = System.currentTimeMillis() + o.drainFor().toMillis();
            while (System.currentTimeMillis() < drainUntil && connector.process.isAlive()
                   && !(products.unseen().isEmpty() && stock.unseen().isEmpty())) {
                Thread.sleep(200);
            }
            end = Instant.now();
        } finally {
            load.shutdownNow();
        }

        ScanCycleLine logged = ScanCycleLine.last(connector.process.lines(), ScanCyclesReport.STREAM);
        Double cycle = logged == null ? null : logged.expectedCycle().toMillis() / 1000.0;
        report.line("## changes: change-to-event latency under a steady mutation load");
        report.line("settings: %d products, %d ms per request, store views %s; connector: %s", o.products(), o.latencyMillis(),
                o.storeViews(), connector.describeSettings());
        report.line("load: %.1f product edits/s (price or name, bumping updated_at) and %.1f stock moves/s (source item quantity)"
                    + " for %s, then up to %s for the last events; latency = change made to the event's Kafka record timestamp",
                o.mutationsPerSecond(), o.mutationsPerSecond(), BenchReport.seconds(o.mutationFor().toSeconds()),
                BenchReport.seconds(o.drainFor().toSeconds()));
        report.line("");
        report.line("| kind | changes | seen | p50 | p95 | max | not seen by the end | oldest unseen |");
        report.line("|---|---|---|---|---|---|---|---|");
        row(products, end);
        row(stock, end);
        report.line("");
        List<Long> p = products.latencies();
        if (p.isEmpty()) {
            report.line("**product edits: no event seen (limit %.0f s at p95)**", PRODUCT_P95_LIMIT_SECONDS);
        } else {
            double p95 = percentile(p, 95) / 1000.0;
            report.line("**product edits: p95 %s (limit %.0f s at p95: %.2fx)**", BenchReport.seconds(p95), PRODUCT_P95_LIMIT_SECONDS,
                    p95 / PRODUCT_P95_LIMIT_SECONDS);
        }
        List<Long> s = stock.latencies();
        String oldest = oldestUnseen(stock, end);
        if (cycle == null) {
            report.line("**stock moves: p95 %s, max %s; %d of %d not seen by the end%s** (limit: one scan cycle; no scan-cycle line in"
                        + " the connector log, so no logged cycle to compare with: the connector logs none before scans were budgeted)",
                    s.isEmpty() ? "-" : BenchReport.seconds(percentile(s, 95) / 1000.0), s.isEmpty() ? "-" : BenchReport.seconds(s.get(s.size() - 1) / 1000.0),
                    stock.unseen().size(), stock.made(), oldest.isEmpty() ? "" : ", the oldest " + oldest + " old");
        } else {
            report.line("**stock moves: p95 %s, max %s (limit: one scan cycle as logged, %s: %.2fx at p95, %.2fx at max); %d of %d not"
                        + " seen by the end%s**",
                    s.isEmpty() ? "-" : BenchReport.seconds(percentile(s, 95) / 1000.0), s.isEmpty() ? "-" : BenchReport.seconds(s.get(s.size() - 1) / 1000.0),
                    BenchReport.seconds(cycle), s.isEmpty() ? 0 : percentile(s, 95) / 1000.0 / cycle, s.isEmpty() ? 0 : s.get(s.size() - 1) / 1000.0 / cycle,
                    stock.unseen().size(), stock.made(), oldest.isEmpty() ? "" : ", the oldest " + oldest + " old ("
                            + String.format(Locale.ROOT, "%.2fx", oldestSeconds(stock, end) / cycle) + " the cycle; unseen is expected up to one cycle)");
        }
        if (measuredLongestUnseen != null) {
            report.line("(the idle scenario measured the longest a stock change can stay unseen on this connector: %s; stock max %s: %.2fx)",
                    BenchReport.seconds(measuredLongestUnseen), s.isEmpty() ? "-" : BenchReport.seconds(s.get(s.size() - 1) / 1000.0),
                    s.isEmpty() ? 0 : s.get(s.size() - 1) / 1000.0 / measuredLongestUnseen);
        }
        report.line("");
        connector.process.reportProblems(report);
        report.line("connector alive at the end: %s; logs: target/bench/%s.log", connector.process.isAlive(), connector.name);
        return connector.process.isAlive() ? 0 : 1;
    }

    private void row(MutationLoad load, Instant end) {
        List<Long> l = load.latencies();
        report.line("| %s | %d | %d | %s | %s | %s | %d | %s |", load.describe(), load.made(), l.size(),
                l.isEmpty() ? "-" : BenchReport.seconds(percentile(l, 50) / 1000.0), l.isEmpty() ? "-" : BenchReport.seconds(percentile(l, 95) / 1000.0),
                l.isEmpty() ? "-" : BenchReport.seconds(l.get(l.size() - 1) / 1000.0), load.unseen().size(),
                load.unseen().isEmpty() ? "-" : oldestUnseen(load, end));
    }

    private static String oldestUnseen(MutationLoad load, Instant end) {
        return load.unseen().isEmpty() ? "" : BenchReport.seconds(oldestSeconds(load, end));
    }

    private static double oldestSeconds(MutationLoad load, Instant end) {
        return load.unseen().stream().mapToDouble(m -> Duration.between(m.at(), end).toMillis() / 1000.0).max().orElse(0);
    }

    /** Nearest rank of sorted values. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
