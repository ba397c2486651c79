package org.magentokafka.scan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.magentokafka.client.ScanBudget;
import org.magentokafka.consumer.PollStatus;
import org.magentokafka.consumer.StreamContext;
import org.magentokafka.consumer.paging.PacedScan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one stream's paced scans say about their length: once the first page of a paced pass gave a store view's
 * size, the expected cycle at the store's budget goes to the stream's {@link PollStatus} (scan streams; the sum
 * over the store views, as one cycle reads them all) and to the log, once per store view and again only when the
 * estimate moves by more than a fifth, so an operator sees what the budget means for this store without a line
 * per cycle.
 */
public final class ScanCycles implements PacedScan {

    private static final Logger LOG = LoggerFactory.getLogger(ScanCycles.class);
    private static final double NEWS = 0.2;

    private final StreamContext endpoint;
    private final String kind;
    private final String cycle;
    private final PollStatus status;
    private final Map<String, Duration> expected = new ConcurrentHashMap<>();
    private final Map<String, Duration> logged = new ConcurrentHashMap<>();

    /**
     * @param kind what the log calls the scan, e.g. "scan" or "reconcile sweep"
     * @param cycle what the log calls one round of it, e.g. "cycle" or "sweep"
     * @param status where the expected cycle is reported, or null (the reconcile sweep is not the stream's freshness)
     */
    public ScanCycles(StreamContext endpoint, String kind, String cycle, PollStatus status) {
        this.endpoint = endpoint;
        this.kind = kind;
        this.cycle = cycle;
        this.status = status;
    }

    /** The first page of a paced pass of {@code store} counted {@code rows}. */
    @Override
    public void sized(String store, long rows, int pageSize) {
        ScanBudget budget = endpoint.scanBudget();
        int scans = Math.max(1, budget.scans());
        Duration estimate = ScanCycleEstimate.expected(rows, pageSize, budget.perSecond(), scans);
        if (estimate == null) {
            return;
        }
        expected.put(store, estimate);
        if (status != null) {
            status.expectedCycle(expected.values().stream().reduce(Duration.ZERO, Duration::plus));
        }
        long pages = ScanCycleEstimate.pages(rows, pageSize);
        Duration before = logged.get(store);
        if (before == null || Math.abs(estimate.toMillis() - before.toMillis()) > NEWS * before.toMillis()) {
            logged.put(store, estimate);
            LOG.info("magento:{} {} of store view {}: {} rows, {} page{} of {}; at magento.scan-budget={} req/s shared by {} scan{} one {} takes about {}",
                    endpoint.getStream(), kind, store, rows, pages, pages == 1 ? "" : "s", pageSize,
                    BigDecimal.valueOf(budget.perSecond()).stripTrailingZeros().toPlainString(), scans,
                    scans == 1 ? "" : "s", cycle, ScanCycleEstimate.readable(estimate));
        }
    }
}
