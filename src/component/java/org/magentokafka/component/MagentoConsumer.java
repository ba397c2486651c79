package org.magentokafka.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.util.ObjectHelper;
import org.magentokafka.change.StateStore;
import org.magentokafka.change.Watermark;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.stream.MagentoConstants;

/**
 * Polls one stream in each store view, one exchange per page whose body is the page's items. Each poll and store
 * view runs the pass {@link PassPlanner} chose: a full pass by page number ({@link PageNumberReader}) or keyset
 * ({@link KeysetReader}), or the rows changed since the watermark ({@link IncrementalPass}, one request when
 * nothing changed); then products changed beneath the products stream are published again
 * ({@link SkuRepublisher}) and vanished items confirmed and deleted ({@link DeletionSweep}): after a full pass, or
 * after a keys-only listing by the background {@link ReconcileScan}. A stream without timestamps is a scan: each
 * poll is one cycle over every store view, paced by the store's scan budget after the first sync and reported to
 * the stream's {@link PollStatus}; the poll interval is then the least pause between two cycles.
 * <p>
 * Each page's state is committed in the page exchange's on-completion, after Kafka acknowledged it
 * ({@link PageDelivery}); the watermark advances only when every page of the poll did. A failed page fails the
 * poll; the next poll starts again from the last committed point, after a back-off ({@link PollBackoff}).
 */
public class MagentoConsumer extends ScheduledBatchPollingConsumer implements PageDelivery.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(MagentoConsumer.class);
    /** Pages enriched and sent while earlier ones wait for Kafka's acknowledgement. */
    private static final int PAGES_IN_FLIGHT = 4;

    private final MagentoEndpoint endpoint;
    private final MagentoStream stream;
    private final PollBackoff backoff;
    private final Duration overlap;
    private final PollStatus status;
    private final QuietPollExceptionHandler quiet;
    private final StreamMetrics metrics = new StreamMetrics();
    private final PageDeliveries deliveries = new PageDeliveries(PAGES_IN_FLIGHT);
    private final PageFetchers fetchers;
    private final SyncProgress progress;
    private final PassReports reports;
    private final PassPlanner planner;
    private final LateCommitCatchUp catchUp;
    private final RecentRows recent;
    private final PageNumberReader pages;
    private final KeysetReader keyset;
    private final IncrementalPass incremental;
    private final SkuRepublisher republisher;
    private final DeletionSweep sweep;
    /** Timestamped streams: the background reconcile sweep. */
    private final ReconcileScan reconcile;
    /** Products: the daily pass that publishes again the products whose special price window opened or closed. */
    private final PricePass prices;
    /** Scan streams (no timestamp, every poll a cycle over the whole snapshot): what their cycles report. */
    private final ScanCycles scans;
    /** Products: the background scan of the websites' salable quantities (null when off or for guests). */
    private final SalableScan salable;

    public MagentoConsumer(MagentoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
        MagentoConfiguration conf = endpoint.getConfiguration();
        this.backoff = new PollBackoff(endpoint.pollInterval(), endpoint.errorBackoffMax());
        this.overlap = conf.getWatermarkOverlap();
        this.planner = new PassPlanner(endpoint);
        this.status = endpoint.getComponent().pollStatus(endpoint.getStream());
        this.quiet = new QuietPollExceptionHandler(endpoint.getStream());
        // Failures are logged once, on one line, by poll(); the default handler would add a stack trace per poll.
        setExceptionHandler(quiet);
        this.fetchers = new PageFetchers(endpoint);
        this.progress = new SyncProgress(endpoint.getStream());
        this.reports = new PassReports(endpoint.getStream());
        PassParts parts = new PassParts(endpoint, fetchers, new PageDelivery(this, endpoint, status, progress), deliveries,
                reports, new PageLookupPrefetch(endpoint, fetchers.lookups()), this::isRunAllowed);
        this.catchUp = new LateCommitCatchUp(overlap, conf.getWatermarkSlack(), System::nanoTime, Clock.systemUTC());
        this.pages = new PageNumberReader(parts);
        this.keyset = new KeysetReader(parts);
        this.recent = new RecentRows(stream);
        this.incremental = new IncrementalPass(parts, catchUp, recent, Clock.systemUTC());
        this.republisher = new SkuRepublisher(pages, endpoint);
        this.sweep = new DeletionSweep(parts);
        this.reconcile = stream.timestamped() ? new ReconcileScan(endpoint, sweep, this::isRunAllowed) : null;
        this.scans = stream.timestamped() ? null : new ScanCycles(endpoint, "scan", "cycle", status);
        // Guests are never shown salable quantities: nothing to scan.
        this.salable = stream == MagentoStream.PRODUCTS && conf.isSalableScan() && !MagentoProducer.guest(conf)
                ? new SalableScan(endpoint, this::isRunAllowed, endpoint.pollInterval()) : null;
        this.prices = stream == MagentoStream.PRODUCTS ? new PricePass(endpoint, this::isRunAllowed) : null;
    }

    @Override
    protected void doStart() throws Exception {
        // Before the scheduler can run the first poll.
        status.consumerStarted(endpoint.pollInterval());
        super.doStart();
        fetchers.start(this);
        if (stream == MagentoStream.PRODUCTS) {
            endpoint.storeCodes().forEach(endpoint.store().signals()::register);
            endpoint.store().forgetParentsListing();
        }
        if (salable != null) {
            salable.start(this);
        }
        if (prices != null) {
            prices.start(this);
        }
        if (reconcile != null) {
            reconcile.start(this);
        } else if (endpoint.scanBudget().paced()) {
            // A scan stream shares the budget for as long as it runs (its pauses are short): a steady count for the
            // expected cycle. A reconcile sweep counts only while it lists.
            endpoint.scanBudget().register();
        }
    }

    @Override
    protected void doStop() throws Exception {
        status.consumerStopped();
        if (salable != null) {
            salable.stop();
        }
        if (prices != null) {
            prices.stop();
        }
        if (reconcile != null) {
            reconcile.stop();
        } else if (endpoint.scanBudget().paced()) {
            endpoint.scanBudget().unregister();
        }
        fetchers.stop();
        super.doStop();
    }

    @Override
    protected int poll() throws Exception {
        if (!backoff.attemptAllowed()) {
            return 0;
        }
        status.started();
        progress.restart();
        if (scans != null) {
            status.cycleStarted();
        }
        try {
            int pageCount = 0;
            boolean consistent = true;
            boolean firstSyncAtFullSpeed = false;
            for (String store : endpoint.storeCodes()) {
                StoreSync sync = syncStore(store);
                pageCount += sync.pages;
                consistent &= !sync.inconsistent;
                firstSyncAtFullSpeed |= endpoint.scanBudget().paced() && sync.scan == null;
            }
            if (scans != null && consistent) {
                // Every store view's snapshot was read and published: Kafka reflects the store as of the cycle's start.
                // A first sync read at full speed although scans are budgeted is not what a cycle takes.
                status.cycleCompleted(!firstSyncAtFullSpeed);
            }
            if (backoff.failures() > 0) {
                LOG.info("magento:{} recovered after {} failed poll(s)", endpoint.getStream(), backoff.failures());
            }
            backoff.succeeded();
            status.succeeded();
            return pageCount;
        } catch (Exception e) {
            deliveries.settle();
            Duration wait = backoff.failed();
            String message = e instanceof MagentoException ? e.getMessage() : "unexpected failure: " + e;
            status.failed(message);
            LOG.warn("magento:{} poll failed: {} (next attempt in {} s)", endpoint.getStream(), message,
                    wait.toMillis() / 1000.0);
            LOG.debug("magento:{} poll failure detail", endpoint.getStream(), e);
            quiet.reported(e);
            // Thrown on, so Camel's consumer health check and error counters see the failure as before.
            throw e;
        }
    }

    private StoreSync syncStore(String store) throws Exception {
        long started = System.nanoTime();
        StateStore state = endpoint.state(store);
        if (endpoint.stream() == MagentoStream.PRODUCTS) {
            // Before planning: a part that came back asks for the full pass that publishes it.
            OptionalParts.recheck(endpoint, endpoint.client(store), store);
        }
        PassPlan plan = planner.plan(store, state, reconcile != null && reconcile.waiting(store));
        // A scan's cycle is paced by the store's budget, except a store view's first sync: a new deployment gets its
        // snapshot at full speed.
        boolean paced = scans != null && !plan.initial() && endpoint.scanBudget().paced();
        MagentoClient client = paced ? endpoint.scanClient(store) : endpoint.client(store);
        StoreSync sync = new StoreSync(store, client, state, plan.initial());
        if (stream.timestamped()) {
            // No later window starts further back than three overlaps before the watermark this pass sets.
            sync.recentSpan = overlap.multipliedBy(4);
            // Rows of a later second may be saved again within that second (same updated_at, new content): only
            // rows of seconds settled before this poll began count as delivered for good.
            sync.recentSettled = Watermark.of(Instant.now().minus(endpoint.getConfiguration().getWatermarkSlack()));
        }
        sync.scan = paced ? scans : null;
        sync.fullPass = plan.full();
        switch (plan.kind()) {
            case FULL_BY_KEYSET -> keyset.read(sync);
            case FULL_BY_PAGE -> pages.read(sync, plan.ascending(), true, null);
            case INCREMENTAL -> incremental.read(sync);
        }
        // The pass's own newest row: products re-published below by SKU may be newer than rows not read yet.
        String passNewest = sync.maxTimestamp;
        if (stream == MagentoStream.PRODUCTS) {
            republisher.republish(sync, plan.ascending());
        }
        // An inconsistent list answer ended the pass early: what it did not show is not gone.
        if (!sync.inconsistent && plan.full()) {
            sweep.afterFullPass(sync);
        } else if (!sync.inconsistent && plan.reconcile()) {
            // Taken only now: a poll that ended early leaves the listing for the next one.
            sweep.confirm(sync, reconcile.take(store));
        }
        if (!sync.inconsistent) {
            if (sync.items + sync.readAgain > 0) {
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
        // A full pass by page number whose count moved may have skipped rows; an incremental window cannot.
        if (stream.timestamped() && !(plan.full() && sync.totalChanged) && !sync.inconsistent) {
            // From what is certain: edits made during a long full pass, and rows dated in the future, are read again.
            Instant now = Instant.now();
            String kept = state.watermark() == null ? null : Watermark.min(state.watermark(), Watermark.of(now));
            state.commitWatermark(Watermark.max(kept, Watermark.certain(passNewest, now,
                    plan.full() ? sync.startedAt : null, overlap)));
            if (plan.full()) {
                catchUp.fullPassRead(store, sync.startedAt);
            }
            if (state.watermark() != null) {
                reconcile.ready(store);
                if (salable != null) {
                    salable.ready(store);
                }
                if (prices != null) {
                    prices.ready(store, plan.initial());
                }
            }
        }
        if (!sync.inconsistent && sync.recentSpan != null && state.watermark() != null) {
            // Delivered: later windows need not hand these rows over again (RecentRows).
            recent.delivered(store, sync.recent, Watermark.lowerBound(state.watermark(), overlap.multipliedBy(3)));
        }
        metrics.items(endpoint.getStream(), store, sync.items);
        metrics.rowsRead(endpoint.getStream(), store, sync.items + sync.readAgain);
        if (sync.items > 0 || sync.deleted > 0) {
            LOG.info("magento:{} synced {} items in {} pages from {}{} in {} ms", endpoint.getStream(), sync.items,
                    sync.pages, sync.path(stream), sync.deleted > 0 ? ", " + sync.deleted + " deleted" : "",
                    (System.nanoTime() - started) / 1_000_000);
        }
        return sync;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        for (int index = 0; index < total; index++) {
            Exchange exchange = ObjectHelper.cast(Exchange.class, exchanges.poll());
            if (!isBatchAllowed()) {
                // Shutting down: this page is not handed over, so the poll must not count it as delivered (else
                // the watermark would move past pages nobody published).
                releaseExchange(exchange, false);
                throw new MagentoException(endpoint.getStream(), 0, true, "magento:" + endpoint.getStream()
                                                                          + " is stopping: pages from this one on are left for the next start");
            }
            Integer page = exchange.getMessage().getHeader(MagentoConstants.PAGE, Integer.class);
            Integer pageCount = exchange.getMessage().getHeader(MagentoConstants.PAGE_COUNT, Integer.class);
            String store = exchange.getMessage().getHeader(MagentoConstants.STORE_CODE, String.class);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, page - 1);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, pageCount);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, page.equals(pageCount));
            pendingExchanges = pageCount - page;
            // Asynchronous: the route runs on this thread up to the Kafka send; the acknowledgement completes the
            // exchange (and commits the page) later, while the next pages are already on their way.
            deliveries.begin();
            getAsyncProcessor().process(exchange, doneSync -> {
                Exception failure = exchange.getException();
                releaseExchange(exchange, false);
                deliveries.completed(failure == null ? null : PageDelivery.failed(endpoint, store, page, pageCount, failure));
            });
        }
        return total;
    }
}
