package org.magentokafka.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.magentokafka.sandbox.LoggedRequest;

/**
 * Scenario {@code idle}: after the initial sync of every stream at the connector's defaults, nothing
 * changes in the store for {@code bench.idleFor}; prints the requests the connector still sends, per route and per
 * store view, the total against the limit of 1 request per second, and the source-items scan cycles
 * ({@link ScanCyclesReport}).
 */
final class IdleRateRun {

    /** Issue 15: an idle store receives less than this from the connector, all streams and scans together. */
    static final double LIMIT_PER_SECOND = 1.0;

    private final BenchRig rig;
    private final BenchReport report;
    private final DefaultsConnector connector;
    private Double longestUnseenSeconds;

    IdleRateRun(BenchRig rig, BenchReport report, DefaultsConnector connector) {
        this.rig = rig;
        this.report = report;
        this.connector = connector;
    }

    /** The longest page 1 to page 1 of the source-items scan the run measured, or null (none completed, or not run yet). */
    Double longestUnseenSeconds() {
        return longestUnseenSeconds;
    }

    /** Returns 0 when the connector was alive throughout. */
    int run() throws InterruptedException {
        BenchOptions o = rig.options();
        Duration idleFor = o.idleFor();
        Instant from = connector.settledAt;
        Instant to = from.plus(idleFor);
        System.out.println("[bench] idle: nothing changes for " + idleFor + " ...");
        while (Instant.now().isBefore(to) && connector.process.isAlive()) {
            Thread.sleep(500);
        }
        List<LoggedRequest> all = rig.store.requests().all();
        List<LoggedRequest> window = all.stream().filter(r -> !r.at().isBefore(from) && r.at().isBefore(to)).toList();
        writeRequests(window);
        double minutes = idleFor.toMillis() / 60_000.0;
        Set<String> codes = new HashSet<>(o.storeViews());

        report.line("## idle: requests with nothing changing");
        report.line("settings: %d products, %d ms per request, store views %s; connector: %s",
                o.products(), o.latencyMillis(), o.storeViews(), connector.describeSettings());
        report.line("window: %.1f min, from %s after the last stream's initial sync; nothing changed in the store",
                minutes, BenchReport.seconds(DefaultsConnector.SETTLE.toSeconds()));
        report.line("");
        report.line("| route | requests | per minute | of which |");
        report.line("|---|---|---|---|");
        Map<String, Map<String, Integer>> byRoute = new TreeMap<>();
        Map<String, Integer> byStore = new TreeMap<>();
        for (LoggedRequest r : window) {
            RouteName name = RouteName.of(r, codes);
            byRoute.computeIfAbsent(name.route(), k -> new TreeMap<>()).merge(name.variant(), 1, Integer::sum);
            byStore.merge(name.storeView(), 1, Integer::sum);
        }
        byRoute.forEach((route, variants) -> {
            int n = variants.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder parts = new StringBuilder();
            variants.forEach((v, c) -> parts.append(parts.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s: %.1f/min", v, c / minutes)));
            report.line("| `%s` | %d | %.1f | %s |", route, n, n / minutes, parts);
        });
        double perSecond = window.size() / (idleFor.toMillis() / 1000.0);
        report.line("| **total** | %d | **%.1f** | %.2f req/s |", window.size(), window.size() / minutes, perSecond);
        report.line("");
        report.line("**idle total: %.2f req/s (limit %.1f req/s: %.2fx) at %d products**", perSecond, LIMIT_PER_SECOND,
                perSecond / LIMIT_PER_SECOND, o.products());
        report.line("");
        report.line("| store view (code in /rest/<code>/V1/...) | requests per minute | req/s | of the %.1f req/s limit (all store views together) |",
                LIMIT_PER_SECOND);
        report.line("|---|---|---|---|");
        byStore.forEach((store, n) -> report.line("| `%s` | %.1f | %.2f | %.2fx |", store, n / minutes, n / (idleFor.toMillis() / 1000.0),
                n / (idleFor.toMillis() / 1000.0) / LIMIT_PER_SECOND));
        report.line("(cms-pages and source-items are read in the first store view only, `%s`; products, categories and"
                    + " attribute metadata in every store view: each further store view costs about what `%s` costs minus those two streams)",
                o.firstStoreView(), o.firstStoreView());
        report.line("");
        longestUnseenSeconds = new ScanCyclesReport(rig, report, connector).print(all, from, to);
        connector.process.reportProblems(report);
        report.line("connector alive at the end: %s; logs: target/bench/%s.log", connector.process.isAlive(), connector.name);
        report.line("");
        return connector.process.isAlive() ? 0 : 1;
    }

    /** Every request of the window, one per line (time, path, query), beside the report: where idle requests go. */
    private void writeRequests(List<LoggedRequest> window) {
        StringBuilder out = new StringBuilder();
        for (LoggedRequest r : window) {
            out.append(r.at()).append('\t').append(r.path()).append('\t').append(new java.util.TreeMap<>(r.query())).append('\n');
        }
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target/bench/idle-requests.tsv");
            java.nio.file.Files.writeString(file, out);
            System.out.println("[bench] idle requests listed in " + file);
        } catch (java.io.IOException e) {
            System.out.println("[bench] could not list the idle requests: " + e.getMessage());
        }
    }
}
