package org.magentokafka.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.magentokafka.change.StateStore;
import org.magentokafka.change.Watermark;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.consumer.paging.KeysetReader;
import org.magentokafka.consumer.paging.PacedScan;
import org.magentokafka.consumer.paging.PageNumberReader;
import org.magentokafka.consumer.paging.PassParts;
import org.magentokafka.consumer.paging.PassReports;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.ValueFilters;
import org.magentokafka.stream.MagentoStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll's pass over one store view, the pass {@link PassPlanner} chose: a full pass by page number
 * ({@link PageNumberReader}) or keyset ({@link KeysetReader}), or the rows changed since the watermark
 * ({@link IncrementalPass}, one request when nothing changed); then products changed beneath the products stream are
 * published again ({@link SkuRepublisher}) and vanished items confirmed and deleted ({@link DeletionSweep}): after a
 * full pass, or after a keys-only listing by the stream's background reconcile sweep. A scan stream's pass is paced
 * by the store's scan budget after the store view's first sync. Once every page is delivered the requests it served
 * are cleared and the watermark moves to what is certain.
 */
public final class StorePass {

    private static final Logger LOG = LoggerFactory.getLogger(StorePass.class);

    private final StreamContext endpoint;
    private final MagentoStream stream;
    private final Duration overlap;
    private final PassReports reports;
    private final StreamMetrics metrics = new StreamMetrics();
    private final PassPlanner planner;
    private final RecentRows recent;
    private final PageNumberReader pages;
    private final KeysetReader keyset;
    private final IncrementalPass incremental;
    private final SkuRepublisher republisher;
    private final DeletionSweep sweep;
    private final StreamScans scans;
    /** Scan streams (no timestamp, every poll a cycle over the whole snapshot): what their cycles report; else null. */
    private final PacedScan cycles;

    private final LateCommitCatchUp catchUp;

    /**
     * @param scans  the stream's background scans, told of each store view synced
     * @param cycles a scan stream's report of its paced cycles; null for a timestamped stream
     */
    public StorePass(StreamContext endpoint, PassParts parts, DeletionSweep sweep, StreamScans scans, PacedScan cycles) {
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
        this.overlap = endpoint.getConfiguration().getWatermarkOverlap();
        this.reports = parts.reports();
        this.planner = new PassPlanner(endpoint);
        this.catchUp = new LateCommitCatchUp(overlap, endpoint.getConfiguration().getWatermarkSlack(),
                System::nanoTime, Clock.systemUTC());
        this.pages = new PageNumberReader(parts);
        this.keyset = new KeysetReader(parts);
        this.recent = new RecentRows(stream);
        this.incremental = new IncrementalPass(parts, catchUp, recent, Clock.systemUTC());
        this.republisher = new SkuRepublisher(pages, endpoint);
        this.sweep = sweep;
        this.scans = scans;
        this.cycles = cycles;
    }

    /** Reads one store view as this poll's pass; returns what it saw. */
    public StoreSync sync(String store) throws Exception {
        long started = System.nanoTime();
        StateStore state = endpoint.state(store);
        if (endpoint.stream() == MagentoStream.PRODUCTS) {
            // Before planning: a part that came back asks for the full pass that publishes it.
            OptionalParts.recheck(endpoint, endpoint.client(store), store);
        }
        PassPlan plan = planner.plan(store, state, scans.listingWaiting(store));
        // A scan's cycle is paced by the store's budget, except a store view's first sync: a new deployment gets its
        // snapshot at full speed.
        boolean paced = cycles != null && !plan.initial() && endpoint.scanBudget().paced();
        MagentoClient client = paced ? endpoint.scanClient(store) : endpoint.client(store);
        StoreSync sync = new StoreSync(store, client, state, plan.initial());
        if (stream.timestamped()) {
            // No later window starts further back than three overlaps before the watermark this pass sets.
            sync.recentSpan(overlap.multipliedBy(4));
            // Rows of a later second may be saved again within that second (same updated_at, new content): only
            // rows of seconds settled before this poll began count as delivered for good.
            sync.recentSettled(Watermark.of(Instant.now().minus(endpoint.getConfiguration().getWatermarkSlack())));
        }
        sync.scan(paced ? cycles : null);
        sync.fullPass(plan.full());
        switch (plan.kind()) {
            case FULL_BY_KEYSET -> keyset.read(sync);
            case FULL_BY_PAGE -> pages.read(sync, plan.ascending(), true, null);
            case INCREMENTAL -> incremental.read(sync);
        }
        // The pass's own newest row: products re-published below by SKU may be newer than rows not read yet.
        String passNewest = sync.maxTimestamp();
        if (stream == MagentoStream.PRODUCTS) {
            republisher.republish(sync, plan.ascending());
        }
        // An inconsistent list answer ended the pass early: what it did not show is not gone.
        if (!sync.inconsistent() && plan.full()) {
            sweep.afterFullPass(sync);
        } else if (!sync.inconsistent() && plan.reconcile()) {
            // Taken only now: a poll that ended early leaves the listing for the next one.
            sweep.confirm(sync, scans.takeListing(store));
        }
        if (!sync.inconsistent()) {
            served(sync, plan, state);
        }
        // A full pass by page number whose count moved may have skipped rows; an incremental window cannot.
        if (stream.timestamped() && !(plan.full() && sync.totalChanged()) && !sync.inconsistent()) {
            // From what is certain: edits made during a long full pass, and rows dated in the future, are read again.
            Instant now = Instant.now();
            String kept = state.watermark() == null ? null : Watermark.min(state.watermark(), Watermark.of(now));
            state.commitWatermark(Watermark.max(kept, Watermark.certain(passNewest, now,
                    plan.full() ? sync.startedAt() : null, overlap)));
            if (plan.full()) {
                catchUp.fullPassRead(store, sync.startedAt());
            }
            if (state.watermark() != null) {
                scans.synced(store, plan.initial());
            }
        }
        if (!sync.inconsistent() && sync.recentSpan() != null && state.watermark() != null) {
            // Delivered: later windows need not hand these rows over again (RecentRows).
            recent.delivered(store, sync.recent(), Watermark.lowerBound(state.watermark(), overlap.multipliedBy(3)));
        }
        metrics.items(endpoint.getStream(), store, sync.items());
        metrics.rowsRead(endpoint.getStream(), store, sync.items() + sync.readAgain());
        if (sync.items() > 0 || sync.deleted() > 0) {
            LOG.info("magento:{} synced {} items in {} pages from {}{} in {} ms", endpoint.getStream(), sync.items(),
                    sync.pages(), sync.path(stream), sync.deleted() > 0 ? ", " + sync.deleted() + " deleted" : "",
                    (System.nanoTime() - started) / 1_000_000);
        }
        return sync;
    }

    /**
     * Source items between two paced cycles: reads again exactly these SKUs' rows ({@code sku in (...)}, a page at a
     * time, every source of each), the SKUs the products' stock index saw change; the content hash publishes what
     * moved. A row gone from a source is left to the next full cycle, which alone can tell.
     */
    public StoreSync refresh(String store, Set<String> skus) throws Exception {
        StoreSync sync = new StoreSync(store, endpoint.client(store), endpoint.state(store), false);
        sync.fullPass(false);
        PassPlan plan = planner.plan(store, endpoint.state(store), false);
        for (SearchCriteria.Filter filter : ValueFilters.of("sku", skus, plan.ascending().pageSize())) {
            pages.read(sync, plan.ascending().withFilterGroup(filter), false, null);
        }
        metrics.items(endpoint.getStream(), store, sync.items());
        metrics.rowsRead(endpoint.getStream(), store, sync.items());
        return sync;
    }

    /** A consistent pass: the store counts right again, and the full pass it was planned to serve is served. */
    private void served(StoreSync sync, PassPlan plan, StateStore state) {
        String store = sync.store();
        if (sync.items() + sync.readAgain() > 0) {
            // Only an answer with rows shows the store counting right again (an idle window's empty one does not).
            reports.consistent(store);
        }
        // Only now, every page of the pass delivered: the full pass other streams asked for has been made (a
        // failed poll never gets here, so the next one plans it again).
        endpoint.store().signals().fullPassDone(store, plan.signals());
        if (plan.full() && state.fullPassRequested() && endpoint.store().signals().fullPassRequested(store) == 0) {
            state.requestFullPass(false); // served, and no request came meanwhile
        }
    }
}
