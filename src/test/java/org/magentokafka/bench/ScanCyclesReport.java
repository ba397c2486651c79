package org.magentokafka.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.magentokafka.sandbox.LoggedRequest;

/**
 * Point 3 of the idle scenario: how long the source-items scan takes to come round, measured three ways (the
 * store's request log, the connector's scan-cycle log line, its {@code magento_scan_cycle_seconds} metric), the
 * longest a stock change can stay unseen (one cycle plus the pause before the next), the scans' request rate, and
 * the cycle computed for a store of {@code bench.projectTo} products from that rate (a paced scan's rate does not
 * depend on the store's size; its page count does).
 */
final class ScanCyclesReport {

    static final String STREAM = "source-items";
    static final String ROUTE = "GET /V1/inventory/source-items";
    /** Issue 15's default {@code magento.scan-budget}; the figure is compared with it until the connector logs its own. */
    static final double DEFAULT_BUDGET = 0.2;

    private final BenchRig rig;
    private final BenchReport report;
    private final DefaultsConnector connector;

    ScanCyclesReport(BenchRig rig, BenchReport report, DefaultsConnector connector) {
        this.rig = rig;
        this.report = report;
        this.connector = connector;
    }

    /** Prints the section; returns the measured longest page 1 to page 1 in seconds, or null when no cycle completed. */
    Double print(List<LoggedRequest> all, Instant from, Instant to) {
        BenchOptions o = rig.options();
        Set<String> codes = new HashSet<>(o.storeViews());
        double windowSeconds = Duration.between(from, to).toMillis() / 1000.0;
        long items = rig.store.catalog().sourceItems().size();
        double perProduct = items / (double) Math.max(1, o.products());
        ScanCycles scans = ScanCycles.of(all, ROUTE, codes, o.latencyMillis());
        int pageSize = Math.max(1, scans.pageSize());
        long pageCount = (items + pageSize - 1) / pageSize;
        List<ScanCycles.Cycle> inWindow = scans.cycles().stream()
                .filter(c -> !c.start().isBefore(from) && c.start().isBefore(to)).toList();
        List<ScanCycles.Cycle> complete = inWindow.stream().filter(c -> c.pages() >= pageCount && c.next() != null).toList();

        long scanPages = 0, sourceItemPages = 0;
        for (LoggedRequest r : all) {
            if (r.at().isBefore(from) || !r.at().isBefore(to)) {
                continue;
            }
            RouteName name = RouteName.of(r, codes);
            if (name.scanPage()) {
                scanPages++;
                if (name.route().equals(ROUTE)) {
                    sourceItemPages++;
                }
            }
        }
        // Time the scan was actually reading (its cycles, clipped to the window): pages / that = its pace in a cycle.
        double activeSeconds = 0;
        for (ScanCycles.Cycle c : scans.cycles()) {
            Instant a = c.start().isBefore(from) ? from : c.start();
            Instant b = c.end().isAfter(to) ? to : c.end();
            if (b.isAfter(a)) {
                activeSeconds += Duration.between(a, b).toMillis() / 1000.0;
            }
        }
        double windowRate = sourceItemPages / windowSeconds;
        double cycleRate = activeSeconds > 0 ? sourceItemPages / activeSeconds : windowRate;
        ScanCycleLine logged = ScanCycleLine.last(connector.process.lines(), STREAM);
        double budget = logged == null ? DEFAULT_BUDGET : logged.budget();
        ConnectorMetrics metrics = ConnectorMetrics.scrape(connector.process.httpPort());
        Double metricCycle = metrics.forStream("magento_scan_cycle_seconds", STREAM);
        Double freshness = metrics.forStream("magento_freshness_seconds", STREAM);

        report.line("### source-items scan cycles (stock changes are found by this scan)");
        report.line("source items: %d for %d products (%.2f per product: the simulator gives each simple product one source"
                    + " item and 40 %% of them a second, configurables none); scan page size %d (from the requests): %d pages per cycle",
                items, o.products(), perProduct, pageSize, pageCount);
        report.line("scan requests in the window (full reads, no filter, every route): %d = **%s req/s** (limit: magento.scan-budget %s"
                    + " req/s per store%s: %.2fx); of which source-items pages %d = %s req/s; while a cycle runs %s req/s",
                scanPages, fmt(scanPages / windowSeconds), fmt(budget), logged == null ? ", the default; no budget in older versions" : "",
                scanPages / windowSeconds / budget, sourceItemPages, fmt(windowRate), fmt(cycleRate));
        report.line("");
        report.line("| cycle (request log) | starts at (s into window) | pages read (of %d) | length | pause before the next | page 1 to next page 1 |", pageCount);
        report.line("|---|---|---|---|---|---|");
        int shown = 0;
        for (ScanCycles.Cycle c : inWindow) {
            if (shown++ == 12) {
                report.line("| ... %d more | | | | | |", inWindow.size() - 12);
                break;
            }
            report.line("| %d | %.1f | %d | %s | %s | %s |", shown, Duration.between(from, c.start()).toMillis() / 1000.0, c.pages(),
                    c.pages() >= pageCount ? BenchReport.seconds(c.length().toMillis() / 1000.0) : "running at the end",
                    c.pauseAfter() == null ? "-" : BenchReport.seconds(c.pauseAfter().toMillis() / 1000.0),
                    c.period() == null ? "-" : BenchReport.seconds(c.period().toMillis() / 1000.0));
        }
        if (inWindow.isEmpty()) {
            report.line("| (no source-items scan page requested in the window) | | | | | |");
        }
        report.line("");
        report.line("connector's scan-cycle line: %s", logged == null
                ? "none in the log (the connector logs none before scans were budgeted)"
                : "`" + logged.line() + "` -> expected cycle " + BenchReport.seconds(logged.expectedCycle().toMillis() / 1000.0));
        report.line("metrics: magento_scan_cycle_seconds{stream=\"%s\"} %s; magento_freshness_seconds{stream=\"%s\"} %s",
                STREAM, metricCycle == null ? "not exported (an older version, or no cycle completed yet)" : BenchReport.seconds(metricCycle),
                STREAM, freshness == null ? "not exported (an older version)" : BenchReport.seconds(freshness));

        Double expected = logged == null ? null : logged.expectedCycle().toMillis() / 1000.0;
        String vsExpected = expected == null ? "no expected cycle logged" : String.format(Locale.ROOT, "connector's expected cycle %s", BenchReport.seconds(expected));
        Double pause = null;
        Double measured = null;
        if (!complete.isEmpty()) {
            double cycle = complete.stream().mapToDouble(c -> c.length().toMillis() / 1000.0).max().orElse(0);
            pause = complete.stream().mapToDouble(c -> c.pauseAfter().toMillis() / 1000.0).max().orElse(0);
            double period = complete.stream().mapToDouble(c -> c.period().toMillis() / 1000.0).max().orElse(0);
            measured = period;
            report.line("**longest a stock change can stay unseen: %s + %s poll pause = %s** (measured: the longest page 1 to page 1"
                        + " of %d complete cycles in the window; limit: one cycle + the least pause; %s)",
                    BenchReport.seconds(cycle), BenchReport.seconds(pause), BenchReport.seconds(period), complete.size(), vsExpected);
        } else {
            double cycle = metricCycle != null ? metricCycle : expected != null ? expected : pageCount / cycleRate;
            String source = metricCycle != null ? "the metric" : expected != null ? "the connector's log"
                    : "extrapolated: " + pageCount + " pages / " + fmt(cycleRate) + " req/s";
            report.line("**longest a stock change can stay unseen: %s (%s) + the poll pause** (no cycle completed and was followed"
                        + " by another within the window, so the pause was not measured; %s)", BenchReport.seconds(cycle), source, vsExpected);
        }
        long projectedPages = (long) Math.ceil(o.projectTo() * perProduct / pageSize);
        double projected = projectedPages / cycleRate;
        report.line("**computed for %d products: %d source items = %d pages of %d / %s req/s (measured scan rate) = %s per cycle**"
                    + "%s (%s at %d products)",
                o.projectTo(), Math.round(o.projectTo() * perProduct), projectedPages, pageSize, fmt(cycleRate),
                BenchReport.seconds(projected), pause == null ? ", + the poll pause" : ", + " + BenchReport.seconds(pause) + " pause = "
                        + BenchReport.seconds(projected + pause) + " longest unseen",
                logged == null ? "valid for a paced scan, whose rate does not grow with the store; an unpaced one reads at full speed"
                        : "scan rate at the budget shared by " + logged.scans() + " scans", o.products());
        report.line("");
        return measured;
    }

    private static String fmt(double d) {
        return d >= 10 ? String.format(Locale.ROOT, "%.1f", d) : String.format(Locale.ROOT, "%.3f", d);
    }
}
