package org.magentokafka.app;

import java.time.Duration;

import org.magentokafka.scan.ScanCycleEstimate;
import org.magentokafka.stream.MagentoStream;

/**
 * What the connection check says about a scan stream (one read as whole snapshots) once page 1 gave the collection's
 * size: how long one scan cycle takes at the configured budget, and what shares that budget. The scans sharing it
 * are those the connector runs against the store: each enabled scan stream once per store view it reads, and the
 * keys-only reconcile sweep of each enabled timestamped stream likewise.
 */
final class ScanCycleLine {

    private ScanCycleLine() {
    }

    /** The scans that share one store's budget. */
    record Scans(int ofScanStreams, int reconcileSweeps) {

        int total() {
            return ofScanStreams + reconcileSweeps;
        }
    }

    static Scans scans(ConnectorSettings settings) {
        int views = Math.max(1, settings.storeCodes().size());
        int scans = 0;
        int sweeps = 0;
        for (var e : settings.streams().entrySet()) {
            if (!e.getValue().enabled()) {
                continue;
            }
            int reads = e.getKey().storeScoped() ? views : 1;
            if (e.getKey().timestamped()) {
                sweeps += reads;
            } else {
                scans += reads;
            }
        }
        return new Scans(scans, sweeps);
    }

    /** The text appended to a scan stream's check line, or null for a timestamped stream or an unknown size. */
    static String of(MagentoStream stream, long rows, ConnectorSettings.ScanBudget budget, Scans scans) {
        if (stream.timestamped() || rows < 0) {
            return null;
        }
        long pages = ScanCycleEstimate.pages(rows, budget.pageSize());
        String pageText = pages + " page" + (pages == 1 ? "" : "s") + " of " + budget.pageSize();
        Duration cycle = ScanCycleEstimate.expected(rows, budget.pageSize(), budget.requestsPerSecond(), scans.total());
        if (cycle == null) {
            return "scans not paced (magento.scan-budget=0): one scan cycle reads " + pageText
                   + " at the store's pace";
        }
        return "one scan cycle ~" + ScanCycleEstimate.readable(cycle) + " at magento.scan-budget="
               + number(budget.requestsPerSecond()) + " req/s (" + pageText + ", shared by " + scans.total() + " scan"
               + (scans.total() == 1 ? "" : "s") + ": " + scans.ofScanStreams() + " of scan streams, "
               + scans.reconcileSweeps() + " reconcile sweep" + (scans.reconcileSweeps() == 1 ? "" : "s") + ")";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
