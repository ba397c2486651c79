package org.magentokafka.component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.util.ObjectHelper;
import org.magentokafka.change.KeyFingerprints;
import org.magentokafka.change.KeyVersion;
import org.magentokafka.change.StateStore;
import org.magentokafka.change.Watermark;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.paging.KeyRanges;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.PagePlan;
import org.magentokafka.paging.Paging;
import org.magentokafka.paging.SearchCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one stream in each store view: page 1 gives {@code total_count}, the remaining pages are prefetched in
 * parallel up to the store's concurrency level and emitted in page order, one exchange per page whose body is
 * the page's items. Never requests a page past {@code ceil(total_count / pageSize)}.
 * <p>
 * Timestamped streams poll incrementally ({@code updated_at gteq watermark - overlap}); the others read a full
 * snapshot every time. Each page's state (hashes of what it published) is committed in the page exchange's
 * on-completion, after Kafka acknowledged it; the watermark advances only when every page of the poll did. Items
 * that vanished are found by full snapshots and by a periodic keys-only sweep, confirmed, and emitted as a
 * deletes page. A failed page fails the poll; the next poll starts again from the last committed point.
 */
public class MagentoConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MagentoConsumer.class);
    private static final int LIST_PAGE_SIZE = MagentoEndpoint.MAX_PAGE_SIZE;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    /** Pages enriched and sent while earlier ones wait for Kafka's acknowledgement. */
    private static final int PAGES_IN_FLIGHT = 4;

    private final MagentoEndpoint endpoint;
    private final MagentoStream stream;
    private final PollBackoff backoff;
    private final Duration overlap;
    private final Duration reconcileInterval;
    private ExecutorService fetchers;
    private final Set<String> emptyReported = new HashSet<>();
    /** Inconsistent list answers already reported, per store view. */
    private final InconsistentListReports inconsistencies = new InconsistentListReports();
    private final java.util.Map<String, Window> windows = new java.util.HashMap<>();
    private final StreamMetrics metrics = new StreamMetrics();
    private final PageDeliveries deliveries = new PageDeliveries(PAGES_IN_FLIGHT);
    /** store view → hashes of pages in flight (see {@link PageCommit}). */
    private final Map<String, Map<String, KeyVersion>> inFlightHashes = new java.util.concurrent.ConcurrentHashMap<>();
    private final PollStatus status;
    private final QuietPollExceptionHandler quiet;
    private long lastReconcile = System.nanoTime();
    private long lastProgressLog;

    public MagentoConsumer(MagentoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
        MagentoConfiguration conf = endpoint.getConfiguration();
        this.backoff = new PollBackoff(endpoint.pollInterval(), endpoint.errorBackoffMax());
        this.overlap = conf.getWatermarkOverlap();
        this.reconcileInterval = conf.getReconcileInterval();
        this.status = endpoint.getComponent().pollStatus(endpoint.getStream());
        this.quiet = new QuietPollExceptionHandler(endpoint.getStream());
        // Failures are logged once, on one line, by poll(); the default handler would add a stack trace per poll.
        setExceptionHandler(quiet);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        fetchers = getEndpoint().getCamelContext().getExecutorServiceManager()
                // Twice the concurrency: while some fetchers parse a page, others already wait at the store gate,
                // which alone bounds the requests in flight.
                .newFixedThreadPool(this, "MagentoPageFetch-" + endpoint.getStream(),
                        2 * endpoint.getConfiguration().getMaxConcurrency());
        if (stream == MagentoStream.PRODUCTS) {
            endpoint.storeCodes().forEach(endpoint.getComponent().signals()::register);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (fetchers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(fetchers);
            fetchers = null;
        }
        super.doStop();
    }

    @Override
    protected int poll() throws Exception {
        if (!backoff.attemptAllowed()) {
            return 0;
        }
        status.started();
        lastProgressLog = System.nanoTime();
        try {
            int pages = 0;
            boolean reconcile = stream.timestamped() && System.nanoTime() - lastReconcile >= reconcileInterval.toNanos();
            for (String store : endpoint.storeCodes()) {
                pages += syncStore(store, reconcile);
            }
            if (reconcile) {
                lastReconcile = System.nanoTime();
            }
            if (backoff.failures() > 0) {
                LOG.info("magento:{} recovered after {} failed poll(s)", endpoint.getStream(), backoff.failures());
            }
            backoff.succeeded();
            status.succeeded();
            return pages;
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

    private int syncStore(String store, boolean reconcile) throws Exception {
        long started = System.nanoTime();
        MagentoClient client = endpoint.client(store);
        StateStore state = endpoint.getComponent().stateFor(endpoint.getConfiguration(), stream, store);
        boolean initial = state.watermark() == null && state.size() == 0;
        boolean fullPass = !stream.timestamped() || state.watermark() == null
                           || stream == MagentoStream.PRODUCTS && endpoint.getComponent().signals().takeFullPass(store);
        SearchCriteria criteria = SearchCriteria.paged(endpoint.getConfiguration().getPageSize());
        for (String field : stream.sortFields()) {
            criteria = criteria.sortedBy(field, "ASC");
        }
        Sync sync = new Sync(store, client, state, initial, overlap);
        if (fullPass && keyset()) {
            runKeysetPages(sync);
        } else if (fullPass) {
            runPages(sync, criteria, true, null);
        } else {
            incrementalPass(sync);
        }

        if (stream == MagentoStream.PRODUCTS) {
            republish(sync, criteria);
        }
        // An inconsistent list answer ended the pass early: what it did not show is not gone.
        if (fullPass && !sync.inconsistent) {
            emitDeletes(sync, missing(state, sync.seenKeys));
        } else if (reconcile && !sync.inconsistent) {
            KeyFingerprints listed = listKeys(sync, criteria);
            if (listed != null) {
                emitDeletes(sync, missing(state, listed));
            }
        }
        if (!sync.inconsistent) {
            inconsistencies.consistent(store);
        }
        if (stream.timestamped() && !sync.totalChanged && !sync.inconsistent) {
            state.commitWatermark(Watermark.max(state.watermark(), sync.maxTimestamp));
            if (fullPass && sync.newestRows.newest() != null && sync.newestRows.newest().equals(state.watermark())) {
                // The pass saw every row of the next window: the first incremental poll can trust page 1 alone.
                windows.put(store, new Window(sync.newestRows.floor(), sync.newestRows.inWindow(), sync.newestRows.newest(),
                        sync.startedAt));
            }
        }
        metrics.items(endpoint.getStream(), store, sync.items);
        if (sync.items > 0 || sync.deleted > 0) {
            LOG.info("magento:{} synced {} items in {} pages from {}{} in {} ms", endpoint.getStream(), sync.items,
                    sync.pages, client.address().path(stream.resource()),
                    sync.deleted > 0 ? ", " + sync.deleted + " deleted" : "",
                    (System.nanoTime() - started) / 1_000_000);
        }
        return sync.pages;
    }

    /**
     * Rows changed since the watermark (minus the overlap), newest first. An idle poll costs one request: when
     * page 1 shows the same window as last time (same lower bound, same total_count, same newest timestamp) and
     * that newest second lay further in the past than the overlap when it was read, no row can have been written
     * since, so nothing more is fetched (the overlap is also the clock-skew budget between store and connector).
     */
    private void incrementalPass(Sync sync) throws Exception {
        String lowerBound = Watermark.lowerBound(sync.state.watermark(), overlap);
        SearchCriteria criteria = SearchCriteria.paged(endpoint.getConfiguration().getPageSize())
                .withFilterGroup(new SearchCriteria.Filter(stream.timestampField(), lowerBound, "gteq"))
                .sortedBy(stream.timestampField(), "DESC");
        for (String field : stream.sortFields()) {
            criteria = criteria.sortedBy(field, "DESC");
        }
        java.time.Instant readAt = java.time.Instant.now();
        Window previous = windows.get(sync.store);
        Page[] firstSeen = new Page[1];
        runPages(sync, criteria, false, first -> {
            firstSeen[0] = first;
            return previous != null && previous.unchanged(lowerBound, first, stream.timestampField(), overlap);
        });
        Page first = firstSeen[0];
        if (first != null && !sync.totalChanged && !sync.inconsistent) {
            windows.put(sync.store, Window.of(lowerBound, first, stream.timestampField(), previous, readAt));
        }
    }

    /** What an incremental poll saw of its window, to recognise an idle store from one page. */
    private record Window(String lowerBound, long totalCount, String newest, java.time.Instant readAt) {

        static Window of(String lowerBound, Page first, String field, Window previous, java.time.Instant readAt) {
            String newest = first.items().isEmpty() ? null : String.valueOf(first.items().get(0).get(field));
            // Unchanged window: keep the first time it was read, the moment its newest second was known complete.
            if (previous != null && previous.lowerBound.equals(lowerBound) && previous.totalCount == first.totalCount()
                && java.util.Objects.equals(previous.newest, newest)) {
                return previous;
            }
            return new Window(lowerBound, first.totalCount(), newest, readAt);
        }

        boolean unchanged(String bound, Page first, String field, Duration overlap) {
            String now = first.items().isEmpty() ? null : String.valueOf(first.items().get(0).get(field));
            if (!lowerBound.equals(bound) || totalCount != first.totalCount() || !java.util.Objects.equals(newest, now)) {
                return false;
            }
            if (newest == null) {
                return true;
            }
            try {
                java.time.Instant newestSecond = java.time.LocalDateTime.parse(newest.substring(0, 19).replace(' ', 'T'))
                        .toInstant(java.time.ZoneOffset.UTC);
                return newestSecond.plusSeconds(1).plus(overlap).isBefore(readAt);
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    /** Stock changed for these SKUs (seen by the source-items stream): publish their products again. */
    private void republish(Sync sync, SearchCriteria criteria) throws Exception {
        Set<String> skus = endpoint.getComponent().signals().takePendingSkus(sync.store);
        if (skus.isEmpty()) {
            return;
        }
        try {
            List<String> list = new ArrayList<>(skus);
            int chunk = criteria.pageSize();
            for (int i = 0; i < list.size(); i += chunk) {
                String in = String.join(",", list.subList(i, Math.min(list.size(), i + chunk)));
                runPages(sync, criteria.withFilterGroup(new SearchCriteria.Filter("sku", in, "in")), false, null);
            }
            if (sync.inconsistent) {
                endpoint.getComponent().signals().restorePendingSkus(sync.store, skus);
            }
        } catch (Exception e) {
            endpoint.getComponent().signals().restorePendingSkus(sync.store, skus);
            throw e;
        }
    }

    /** @param skip decides on page 1 that the rest of the pass can be skipped (null: never) */
    private void runPages(Sync sync, SearchCriteria criteria, boolean collectKeys,
                          java.util.function.Predicate<Page> skip) throws Exception {
        Page first = sync.client.fetchPage(stream.resource(), criteria.withPage(1));
        if (skip != null && skip.test(first)) {
            return;
        }
        int readAhead = 2 * endpoint.getConfiguration().getMaxConcurrency();
        PageBounds bounds = new PageBounds(criteria.pageSize(), readAhead);
        bounds.accept(first.totalCount(), keysOf(first));
        if (!first.items().isEmpty()) {
            // Registered here, run on a fetcher: the route's enricher for page 1 then waits for it.
            Runnable lookup = prefetchInventory(first);
            if (lookup != null) {
                fetchers.submit(lookup);
            }
        }
        if (bounds.empty()) {
            if (collectKeys) {
                reportEmpty(sync);
            }
            return;
        }
        emptyReported.remove(sync.store);
        int pageCount = Math.max(1, bounds.declaredPages());
        Deque<Future<Page>> ahead = new ArrayDeque<>();
        int nextToFetch = 2;
        try {
            Page page = first;
            for (int number = 1; isRunAllowed(); number++) {
                if (number > 1) {
                    page = await(ahead.removeFirst());
                    bounds.accept(page.totalCount(), keysOf(page));
                }
                // Fetch ahead twice the concurrency, so the store is kept busy while the route is slower for a moment;
                // the fetcher pool and the store gate bound what actually hits the store, the bounds how far it goes.
                while (nextToFetch <= bounds.requestLimit()) {
                    SearchCriteria pageCriteria = criteria.withPage(nextToFetch++);
                    MagentoClient client = sync.client;
                    ahead.add(fetchers.submit(() -> fetchWithStock(client, pageCriteria)));
                }
                if (page.totalCount() != first.totalCount() && !sync.totalChanged && bounds.consistent()) {
                    // Rows shifted between pages: this poll may have missed some. Keep the watermark where it was so
                    // the next poll reads the same window again; the hashes drop what was already published.
                    sync.totalChanged = true;
                    LOG.warn("magento:{} store view {}: total_count changed during the sync ({} -> {}); the watermark is not advanced,"
                             + " the next poll reads the same window again", endpoint.getStream(), sync.store, first.totalCount(),
                            page.totalCount());
                }
                if (!bounds.repeated()) {
                    handOver(sync, page, number, pageCount, collectKeys);
                }
                if (!bounds.consistent()) {
                    reportInconsistent(sync, bounds.problem());
                    handOverInFlight(sync, ahead, bounds, number, pageCount, collectKeys);
                    break;
                }
                if (!bounds.hasMore()) {
                    break;
                }
            }
        } finally {
            ahead.forEach(f -> f.cancel(true));
        }
        deliveries.awaitAll();
        failIfStopping(sync);
    }

    /**
     * After an inconsistent page: the pages already requested are still published (items read are never dropped),
     * apart from repeats of earlier pages; nothing further is requested. A failure of one of them changes nothing
     * (the pass already ended early and the next one reads again), so it is only noted at DEBUG.
     */
    private void handOverInFlight(Sync sync, Deque<Future<Page>> ahead, PageBounds bounds, int lastNumber, int pageCount,
                                  boolean collectKeys) throws Exception {
        int number = lastNumber;
        while (!ahead.isEmpty() && isRunAllowed()) {
            Page page;
            try {
                page = await(ahead.removeFirst());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.debug("magento:{} page requested before the pass ended early failed", endpoint.getStream(), e);
                continue;
            }
            if (!page.items().isEmpty() && !bounds.isRepeat(keysOf(page))) {
                handOver(sync, page, ++number, pageCount, collectKeys);
            }
        }
    }

    private List<String> keysOf(Page page) {
        List<String> keys = new ArrayList<>(page.items().size());
        page.items().forEach(item -> keys.add(stream.keyOf(item)));
        return keys;
    }

    /**
     * A list answer that cannot be true ends the pass on what it showed: nothing derived from the pass (watermark,
     * deletes) is trusted. One WARN line per stream, store view and kind of nonsense until a pass is consistent again.
     */
    private void reportInconsistent(Sync sync, PageBounds.Problem problem) {
        sync.inconsistent = true;
        String path = sync.client.address().path(stream.resource());
        if (inconsistencies.firstTime(sync.store, problem)) {
            LOG.warn("magento:{} GET {} (store view {}) answered an inconsistent list: {}. The pass ended early on the items shown"
                     + " (they are published); the watermark stays and no deletes are derived from this pass; the next poll reads"
                     + " again. Reported once until the store answers consistently", endpoint.getStream(), path, sync.store,
                    problem.detail());
        } else {
            LOG.debug("magento:{} GET {} (store view {}) still answers an inconsistent list: {}", endpoint.getStream(), path,
                    sync.store, problem.detail());
        }
    }

    /** Notes what the page shows (keys, newest timestamp) and hands it to the route. */
    private void handOver(Sync sync, Page page, int number, int pageCount, boolean collectKeys) throws Exception {
        for (Map<String, Object> item : page.items()) {
            String key = stream.keyOf(item);
            if (collectKeys && key != null) {
                sync.seenKeys.add(key);
            }
            if (stream.timestamped()) {
                Object raw = item.get(stream.timestampField());
                String ts = raw == null ? null : Watermark.normalize(raw.toString());
                if (ts != null) {
                    if (sync.maxTimestamp == null || ts.compareTo(sync.maxTimestamp) > 0) {
                        sync.maxTimestamp = ts;
                    }
                    if (collectKeys) {
                        sync.newestRows.add(ts);
                    }
                }
            }
        }
        deliver(sync, page.items(), number, pageCount, page.totalCount(), false);
        sync.items += page.items().size();
        sync.pages++;
        status.progress(number, pageCount);
        logProgress(sync, number, pageCount);
    }

    private boolean keyset() {
        return stream.keysetIdField() != null && endpoint.getConfiguration().getPaging() == Paging.KEYSET;
    }

    /**
     * A full pass by keyset: page 1 sorted by id, then the highest id, then the ids in between split into one range
     * per concurrent request, each read as {@code id > cursor AND id <= upper}, page 1 every time. Pages are handed
     * to the route as they arrive (each key appears in one page only, so the order per key is still the store's);
     * a bounded queue keeps memory at a few pages.
     */
    private void runKeysetPages(Sync sync) throws Exception {
        String idFilter = stream.sortFields().get(0);
        int pageSize = endpoint.getConfiguration().getPageSize();
        SearchCriteria ascending = SearchCriteria.paged(pageSize).sortedBy(idFilter, "ASC");
        Page first = sync.client.fetchPage(stream.resource(), ascending.withPage(1));
        if (first.totalCount() == 0 && first.items().isEmpty()) {
            reportEmpty(sync);
            return;
        }
        emptyReported.remove(sync.store);
        Runnable firstLookup = prefetchInventory(first);
        if (firstLookup != null) {
            fetchers.submit(firstLookup);
        }
        // Keyset paging needs no count: a short page ends it. A count that contradicts the items is only reported.
        PageBounds.Problem nonsense = PageBounds.keysetProblem(first.totalCount(), first.items().size(), pageSize);
        int estimated = Math.max(1, new PagePlan(Math.max(0, first.totalCount()), pageSize).pageCount());
        int number = 1;
        if (!first.items().isEmpty()) {
            handOver(sync, first, number, estimated, true);
        }
        if (nonsense != null) {
            reportInconsistent(sync, nonsense);
        }
        if (nonsense == null ? first.items().size() >= first.totalCount() : first.items().size() < pageSize) {
            deliveries.awaitAll();
            return;
        }
        Page top = sync.client.fetchPage(stream.resource(), SearchCriteria.paged(1).sortedBy(idFilter, "DESC").withPage(1));
        long after = idOf(first.items().get(first.items().size() - 1), sync);
        long highest = top.items().isEmpty() ? after : idOf(top.items().get(0), sync);
        List<KeyRanges.Range> ranges = KeyRanges.split(after, highest, endpoint.getConfiguration().getMaxConcurrency());
        BlockingQueue<Object> arrived = new ArrayBlockingQueue<>(2 * endpoint.getConfiguration().getMaxConcurrency());
        List<Future<?>> readers = new ArrayList<>();
        try {
            for (KeyRanges.Range range : ranges) {
                readers.add(fetchers.submit(() -> readRange(sync, ascending, idFilter, range, arrived)));
            }
            int finished = 0;
            while (finished < ranges.size() && isRunAllowed()) {
                Object next = arrived.take();
                if (next instanceof Exception failure) {
                    throw failure;
                }
                if (next instanceof PageBounds.Problem problem) {
                    reportInconsistent(sync, problem);
                    continue;
                }
                if (next == RANGE_DONE) {
                    finished++;
                    continue;
                }
                number++;
                handOver(sync, (Page) next, number, Math.max(estimated, number), true);
            }
        } finally {
            readers.forEach(r -> r.cancel(true));
        }
        deliveries.awaitAll();
        failIfStopping(sync);
    }

    private static final Object RANGE_DONE = new Object();

    /**
     * One reader's sub-range, page after page, until a page is empty or short (or, when the store's total_count is
     * consistent with the items, holds all it counts). A count that contradicts the items, or ids that do not
     * advance, go to the queue as a {@link PageBounds.Problem} for the poll to report.
     */
    private Void readRange(Sync sync, SearchCriteria ascending, String idFilter, KeyRanges.Range range,
                           BlockingQueue<Object> arrived) throws InterruptedException {
        try {
            long cursor = range.lower();
            while (true) {
                SearchCriteria criteria = ascending.withFilterGroup(new SearchCriteria.Filter(idFilter, String.valueOf(cursor), "gt"));
                if (range.upper() != null) {
                    criteria = criteria.withFilterGroup(new SearchCriteria.Filter(idFilter, String.valueOf(range.upper()), "lteq"));
                }
                Page page = fetchWithStock(sync.client, criteria.withPage(1));
                if (page.items().isEmpty()) {
                    break;
                }
                arrived.put(page);
                int pageSize = criteria.pageSize();
                PageBounds.Problem nonsense = PageBounds.keysetProblem(page.totalCount(), page.items().size(), pageSize);
                if (nonsense != null) {
                    arrived.put(nonsense);
                }
                if (page.items().size() < pageSize || nonsense == null && page.items().size() >= page.totalCount()) {
                    break;
                }
                long next = idOf(page.items().get(page.items().size() - 1), sync);
                if (next <= cursor) {
                    arrived.put(new PageBounds.Problem(PageBounds.Kind.REPEATED_PAGE, "a keyset page for " + idFilter + " > "
                                                       + cursor + " ends at " + idFilter + " " + next));
                    break;
                }
                cursor = next;
            }
            arrived.put(RANGE_DONE);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            arrived.put(e);
        }
        return null;
    }

    private long idOf(Map<String, Object> item, Sync sync) {
        Object id = item.get(stream.keysetIdField());
        try {
            return Long.parseLong(String.valueOf(id));
        } catch (NumberFormatException e) {
            throw new MagentoException(sync.client.address().path(stream.resource()), 200, false,
                    "keyset paging needs a numeric '" + stream.keysetIdField() + "' on every item, got '" + id
                    + "'; set magento.paging=page-number for this store");
        }
    }

    private void failIfStopping(Sync sync) {
        if (!isRunAllowed()) {
            throw new MagentoException(sync.client.address().path(stream.resource()), 0, true,
                    "magento:" + endpoint.getStream() + " stopped during a sync; the next start resumes from the last committed page");
        }
    }

    /** A page, and with {@code prefetchInventory} its stock look-up right after it on the same fetcher. */
    private Page fetchWithStock(MagentoClient client, SearchCriteria criteria) {
        Page page = client.fetchPage(stream.resource(), criteria);
        Runnable lookup = prefetchInventory(page);
        if (lookup != null) {
            lookup.run();
        }
        return page;
    }

    /**
     * With {@code prefetchInventory}, a products page's stock look-up starts on the fetcher that brought the page,
     * in parallel with the next pages; the route's enricher then finds it done.
     */
    private Runnable prefetchInventory(Page page) {
        if (stream != MagentoStream.PRODUCTS || !endpoint.getConfiguration().isPrefetchInventory() || page.items().isEmpty()
            || MagentoProducer.guest(endpoint.getConfiguration())) {
            return null;
        }
        Set<String> skus = MagentoProducer.skusOf(page.items());
        if (skus.isEmpty()) {
            return null;
        }
        MagentoClient stockClient = endpoint.client(endpoint.storeCodes().get(0));
        var answer = endpoint.getComponent().inventoryPrefetch().register(stockClient.address().baseUrl(), skus);
        return () -> InventoryPrefetch.run(answer, () -> MagentoProducer.sourceItemsOf(stockClient, skus));
    }

    /** A long sync says how far it got, once in a while, on one line. */
    private void logProgress(Sync sync, int page, int pageCount) {
        long now = System.nanoTime();
        if (now - lastProgressLog < PROGRESS_EVERY.toNanos() || page == pageCount) {
            return;
        }
        lastProgressLog = now;
        double seconds = Math.max(0.001, (now - sync.startedNanos) / 1e9);
        double rate = sync.items / seconds;
        long etaSeconds = (long) ((pageCount - page) * (seconds / page));
        LOG.info("magento:{} store view {}: page {}/{} ({} items, {} items/s, ETA {}m{}s)", endpoint.getStream(), sync.store,
                page, pageCount, sync.items, Math.round(rate), etaSeconds / 60, etaSeconds % 60);
    }

    /** All keys of the collection, with the smallest answers Magento can give (only the key fields). */
    private KeyFingerprints listKeys(Sync sync, SearchCriteria criteria) throws Exception {
        KeyFingerprints keys = new KeyFingerprints();
        SearchCriteria list = SearchCriteria.paged(LIST_PAGE_SIZE);
        for (String field : stream.sortFields()) {
            list = list.sortedBy(field, "ASC");
        }
        String fields = "items[" + String.join(",", stream.keyFields()) + "],total_count";
        boolean consistent = readAll(sync, list, fields, page -> page.items().forEach(item -> {
            String key = stream.keyOf(item);
            if (key != null) {
                keys.add(key);
            }
        }));
        return consistent ? keys : null;
    }

    /**
     * Every page of a small list, one after the other (key listings, delete confirmations).
     *
     * @return false when an answer was inconsistent (reported): what was read is then not the whole list
     */
    private boolean readAll(Sync sync, SearchCriteria list, String fields, Consumer<Page> each) {
        PageBounds bounds = new PageBounds(list.pageSize(), 1);
        int number = 1;
        do {
            Page page = sync.client.fetchPage(stream.resource(), list.withPage(number++), fields);
            bounds.accept(page.totalCount(), keysOf(page));
            if (!bounds.repeated()) {
                each.accept(page);
            }
        } while (bounds.hasMore());
        if (!bounds.consistent()) {
            reportInconsistent(sync, bounds.problem());
            return false;
        }
        return true;
    }

    private static List<String> missing(StateStore state, KeyFingerprints seen) {
        List<String> gone = new ArrayList<>();
        state.forEachKey(key -> {
            if (!seen.contains(key)) {
                gone.add(key);
            }
        });
        return gone;
    }

    /**
     * Publishes tombstones for keys that vanished, after asking the store once more for exactly these keys: page
     * shifts during a sync must never turn into false deletes.
     */
    private void emitDeletes(Sync sync, List<String> candidates) throws Exception {
        if (candidates.isEmpty()) {
            return;
        }
        String keyField = stream.keyFields().get(0);
        int chunk = LIST_PAGE_SIZE / 2;
        List<Map<String, Object>> confirmed = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i += chunk) {
            List<String> batch = candidates.subList(i, Math.min(candidates.size(), i + chunk));
            Set<String> values = new HashSet<>();
            batch.forEach(k -> values.add(k.split("\\|", 2)[0]));
            SearchCriteria check = SearchCriteria.paged(LIST_PAGE_SIZE)
                    .withFilterGroup(new SearchCriteria.Filter(keyField, String.join(",", values), "in"));
            Set<String> stillThere = new HashSet<>();
            if (!readAll(sync, check, null, page -> page.items().forEach(item -> stillThere.add(stream.keyOf(item))))) {
                return;  // an answer that cannot be true confirms nothing
            }
            for (String key : batch) {
                if (!stillThere.contains(key)) {
                    confirmed.add(Map.of("key", key));
                }
            }
        }
        for (int i = 0; i < confirmed.size(); i += LIST_PAGE_SIZE) {
            List<Map<String, Object>> page = confirmed.subList(i, Math.min(confirmed.size(), i + LIST_PAGE_SIZE));
            deliver(sync, new ArrayList<>(page), 1, 1, confirmed.size(), true);
            sync.deleted += page.size();
        }
        deliveries.awaitAll();
    }

    private void deliver(Sync sync, List<Map<String, Object>> items, int page, int pageCount, long totalCount,
                         boolean deletes) throws Exception {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(items);
        exchange.getMessage().setHeader(MagentoConstants.STREAM, endpoint.getStream());
        exchange.getMessage().setHeader(MagentoConstants.STORE_CODE, sync.store);
        exchange.getMessage().setHeader(MagentoConstants.SOURCE, sync.client.address().baseUrl()
                                                                 + sync.client.address().path(""));
        exchange.getMessage().setHeader(MagentoConstants.PAGE, page);
        exchange.getMessage().setHeader(MagentoConstants.PAGE_COUNT, pageCount);
        exchange.getMessage().setHeader(MagentoConstants.TOTAL_COUNT, totalCount);
        exchange.getMessage().setHeader(MagentoConstants.DELETES, deletes);
        PageCommit commit = new PageCommit(sync.state,
                inFlightHashes.computeIfAbsent(sync.store, s -> new java.util.concurrent.ConcurrentHashMap<>()));
        exchange.setProperty(PageCommit.PROPERTY, commit);
        // As camel-aws2-s3 commits after success: the state advances only once the page was fully delivered.
        exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                commit.apply();
                if (!sync.initial) {
                    signal(sync.store, commit.changedKeys());
                }
            }

            @Override
            public void onFailure(Exchange failed) {
                commit.abandon();
                LOG.debug("magento:{} page {} of store view {} not committed", endpoint.getStream(), page, sync.store);
            }
        });
        Queue<Object> batch = new LinkedList<>();
        batch.add(exchange);
        processBatch(batch);
    }

    /** Tells the products stream what changed beneath it. */
    private void signal(String store, List<String> changedKeys) {
        if (changedKeys.isEmpty()) {
            return;
        }
        MagentoComponent component = endpoint.getComponent();
        switch (stream) {
            case SOURCE_ITEMS -> {
                Set<String> skus = new HashSet<>();
                changedKeys.forEach(k -> skus.add(k.split("\\|", 2)[0]));
                component.signals().inventoryChanged(skus);
            }
            case PRODUCT_ATTRIBUTES, CATEGORIES -> {
                component.metadata().invalidate(stream.uriName());
                component.signals().metadataChanged(store);
            }
            default -> {
            }
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
                deliveries.completed(failure == null ? null : new MagentoException(
                        endpoint.client(store).address().path(stream.resource()), 0, true,
                        "delivering page " + page + "/" + pageCount + " of magento:" + endpoint.getStream() + " (store view "
                        + store + ") failed (" + failure.getMessage()
                        + "); nothing after the last delivered page is marked done, the next poll resumes", failure));
            });
        }
        return total;
    }

    private Page await(Future<Page> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void reportEmpty(Sync sync) {
        if (emptyReported.add(sync.store)) {
            LOG.warn("magento:{} GET {} returned total_count=0: store view '{}' has no items visible to this integration"
                     + " (empty catalog, wrong magento.store-codes, or items not assigned to this website). Nothing to publish; polling continues",
                    endpoint.getStream(), sync.client.address().path(stream.resource()), sync.store);
        }
    }

    /** What one poll of one store view saw. */
    private static final class Sync {
        final String store;
        final MagentoClient client;
        final StateStore state;
        final boolean initial;
        final KeyFingerprints seenKeys = new KeyFingerprints();
        final NewestRows newestRows;
        /** When the poll began: rows written after it may be missing from what it read. */
        final java.time.Instant startedAt = java.time.Instant.now();
        final long startedNanos = System.nanoTime();
        String maxTimestamp;
        boolean totalChanged;
        /** A list answer could not be true: the pass ended early, its watermark and deletes are not trusted. */
        boolean inconsistent;
        long items;
        long deleted;
        int pages;

        Sync(String store, MagentoClient client, StateStore state, boolean initial, Duration overlap) {
            this.newestRows = new NewestRows(overlap);
            this.store = store;
            this.client = client;
            this.state = state;
            this.initial = initial;
        }
    }
}
