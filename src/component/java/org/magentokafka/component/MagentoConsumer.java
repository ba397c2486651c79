package org.magentokafka.component;

import java.time.Duration;
import java.util.Queue;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.util.ObjectHelper;
import org.magentokafka.client.MagentoException;
import org.magentokafka.consumer.CommittedChanges;
import org.magentokafka.consumer.DeletionSweep;
import org.magentokafka.consumer.PollBackoff;
import org.magentokafka.consumer.OrderSignals;
import org.magentokafka.consumer.PollStatus;
import org.magentokafka.consumer.QuietPollExceptionHandler;
import org.magentokafka.consumer.SourceItemCycles;
import org.magentokafka.consumer.StorePass;
import org.magentokafka.consumer.SyncProgress;
import org.magentokafka.consumer.delivery.PageDeliveries;
import org.magentokafka.consumer.delivery.PageDelivery;
import org.magentokafka.consumer.paging.PageFetchers;
import org.magentokafka.consumer.paging.PageLookupPrefetch;
import org.magentokafka.consumer.paging.PassParts;
import org.magentokafka.consumer.paging.PassReports;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.scan.BackgroundScans;
import org.magentokafka.scan.ScanCycles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.stream.MagentoConstants;

/**
 * Polls one stream in each store view, one exchange per page whose body is the page's items. Each poll and store
 * view runs the pass {@link StorePass} plans and reads: a full pass, or the rows changed since the watermark, then
 * the products changed beneath the products stream and the items that vanished. Beside the polls run the stream's
 * {@link BackgroundScans} (the reconcile sweep, the price pass, the salable-quantity scan). A stream without
 * timestamps is a scan: each poll is one cycle over every store view, paced by the store's scan budget after the
 * first sync and reported to the stream's {@link PollStatus}; the poll interval is then the least pause between two
 * cycles.
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
    private final PollStatus status;
    private final QuietPollExceptionHandler quiet;
    private final PageDeliveries deliveries = new PageDeliveries(PAGES_IN_FLIGHT);
    private final PageFetchers fetchers;
    private final SyncProgress progress;
    private final StorePass passes;
    /** Scan streams (no timestamp, every poll a cycle over the whole snapshot): what their cycles report. */
    private final ScanCycles scans;
    private final BackgroundScans background;
    /** Source items: the pause between full cycles while the stock index serves, and the SKUs it saw change; else null. */
    private final SourceItemCycles sourceItems;
    /** Products with order signals on: the orders changed since the last poll, read first; else null. */
    private final OrderSignals orderSignals;

    public MagentoConsumer(MagentoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
        this.backoff = new PollBackoff(endpoint.pollInterval(), endpoint.errorBackoffMax());
        this.status = endpoint.getComponent().pollStatus(endpoint.getStream());
        this.quiet = new QuietPollExceptionHandler(endpoint.getStream());
        // Failures are logged once, on one line, by poll(); the default handler would add a stack trace per poll.
        setExceptionHandler(quiet);
        this.fetchers = new PageFetchers(endpoint);
        this.progress = new SyncProgress(endpoint.getStream());
        PageDelivery delivery = new PageDelivery(this, endpoint, deliveries, (sync, page, pageCount) -> {
            status.progress(page, pageCount);
            progress.pageDone(sync, page, pageCount);
        }, new CommittedChanges(endpoint));
        PassParts parts = new PassParts(endpoint, fetchers, delivery, new PassReports(endpoint.getStream()),
                new PageLookupPrefetch(endpoint, fetchers.lookups()), this::isRunAllowed);
        DeletionSweep sweep = new DeletionSweep(parts);
        this.scans = stream.timestamped() ? null : new ScanCycles(endpoint, "scan", "cycle", status);
        this.background = new BackgroundScans(endpoint, sweep, this::isRunAllowed);
        this.passes = new StorePass(endpoint, parts, sweep, background, scans);
        this.orderSignals = OrderSignals.of(endpoint);
        this.sourceItems = stream == MagentoStream.SOURCE_ITEMS
                ? new SourceItemCycles(endpoint, passes, status, endpoint.pollInterval()) : null;
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
        background.start(this);
        if (orderSignals != null) {
            orderSignals.started(endpoint.pollInterval());
        }
        if (sourceItems != null) {
            sourceItems.started();
        }
    }

    @Override
    protected void doStop() throws Exception {
        status.consumerStopped();
        if (orderSignals != null) {
            orderSignals.stopped();
        }
        background.stop();
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
        try {
            if (sourceItems != null) {
                int refreshed = sourceItems.refresh();
                if (!sourceItems.cycleDue()) {
                    backoff.succeeded();
                    status.succeeded();
                    return refreshed; // between two cycles of the slow full reconcile
                }
            }
            if (scans != null) {
                status.cycleStarted();
            }
            if (orderSignals != null) {
                orderSignals.read(); // never throws: the products are read whatever the orders answer
            }
            int pageCount = 0;
            boolean consistent = true;
            boolean firstSyncAtFullSpeed = false;
            for (String store : endpoint.storeCodes()) {
                StoreSync sync = passes.sync(store);
                pageCount += sync.pages();
                consistent &= !sync.inconsistent();
                firstSyncAtFullSpeed |= endpoint.scanBudget().paced() && sync.scan() == null;
            }
            if (scans != null && consistent) {
                // Every store view's snapshot was read and published: Kafka reflects the store as of the cycle's start.
                // A first sync read at full speed although scans are budgeted is not what a cycle takes.
                status.cycleCompleted(!firstSyncAtFullSpeed);
                if (sourceItems != null) {
                    sourceItems.cycleCompleted();
                }
            }
            if (orderSignals != null) {
                orderSignals.published(consistent);
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
            if (orderSignals != null) {
                orderSignals.pollFailed(message);
            }
            LOG.warn("magento:{} poll failed: {} (next attempt in {} s)", endpoint.getStream(), message,
                    wait.toMillis() / 1000.0);
            LOG.debug("magento:{} poll failure detail", endpoint.getStream(), e);
            quiet.reported(e);
            // Thrown on, so Camel's consumer health check and error counters see the failure as before.
            throw e;
        }
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
                deliveries.completed(failure == null ? null : PageDelivery.failed(
                        endpoint.client(store).address().path(stream.resource()), endpoint.getStream(), store, page,
                        pageCount, failure));
            });
        }
        return total;
    }
}
