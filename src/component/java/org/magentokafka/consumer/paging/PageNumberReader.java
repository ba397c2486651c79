package org.magentokafka.consumer.paging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.magentokafka.paging.Page;
import org.magentokafka.paging.PageBounds;
import org.magentokafka.paging.SearchCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.magentokafka.stream.MagentoStream;

/**
 * A pass by page number: page 1 gives {@code total_count}, the remaining pages are prefetched in parallel up to
 * twice the store's concurrency and handed to the route in page order. Never requests a page past what the
 * answers bear out ({@link PageBounds}).
 */
public final class PageNumberReader {

    private static final Logger LOG = LoggerFactory.getLogger(PageNumberReader.class);

    private final PassParts parts;
    private final MagentoStream stream;

    public PageNumberReader(PassParts parts) {
        this.parts = parts;
        this.stream = parts.stream();
    }

    /**
     * @param collectKeys a full pass: note every key (for deletes) and report an empty collection
     * @param skip decides on page 1 that the rest of the pass can be skipped (null: never)
     */
    public void read(StoreSync sync, SearchCriteria criteria, boolean collectKeys, Predicate<Page> skip) throws Exception {
        Page first = sync.client().fetchPage(stream.resource(), criteria.withPage(1));
        if (skip != null && skip.test(first)) {
            return;
        }
        // A paced scan asks for one page ahead: more would take several budget slots in a row and break the round
        // robin the store's scans share; its pages are still published as each is read.
        int readAhead = sync.scan() != null ? 1 : 2 * parts.context().getConfiguration().getMaxConcurrency();
        PageBounds bounds = new PageBounds(criteria.pageSize(), readAhead);
        bounds.accept(first.totalCount(), parts.keysOf(first));
        if (sync.scan() != null) {
            sync.scan().sized(sync.store(), first.totalCount(), criteria.pageSize());
        }
        FetchedPage firstFetched = parts.lookups().arrived(sync, first);
        // Started on a fetcher: the route's enrichers for page 1 then wait for them (or ask, if still not started).
        Runnable prefetch = parts.lookups().prefetch(firstFetched);
        if (prefetch != null) {
            parts.fetchers().submit(prefetch);
        }
        if (bounds.empty()) {
            if (collectKeys) {
                parts.reports().empty(sync, sync.path(stream));
            }
            return;
        }
        parts.reports().notEmpty(sync);
        int pageCount = Math.max(1, bounds.declaredPages());
        Deque<Future<FetchedPage>> ahead = new ArrayDeque<>();
        int nextToFetch = 2;
        try {
            FetchedPage fetched = firstFetched;
            for (int number = 1; parts.runAllowed(); number++) {
                if (number > 1) {
                    fetched = PageFetchers.await(ahead.removeFirst());
                    bounds.accept(fetched.page().totalCount(), parts.keysOf(fetched.page()));
                }
                Page page = fetched.page();
                // Fetch ahead twice the concurrency, so the store is kept busy while the route is slower for a moment;
                // the fetcher pool and the store gate bound what actually hits the store, the bounds how far it goes.
                while (nextToFetch <= bounds.requestLimit()) {
                    SearchCriteria pageCriteria = criteria.withPage(nextToFetch++);
                    ahead.add(parts.fetchers().submit(() -> parts.lookups().fetchWithLookups(sync, pageCriteria)));
                }
                // Only a full pass counts on the pages adding up; SKUs asked for again by list are read whole anyway.
                if (collectKeys && page.totalCount() != first.totalCount() && !sync.totalChanged() && bounds.consistent()) {
                    // Rows shifted between pages: this poll may have missed some. Keep the watermark where it was so
                    // the next poll reads the same window again; the hashes drop what was already published.
                    sync.markTotalChanged();
                    LOG.warn("magento:{} store view {}: total_count changed during the sync ({} -> {}); the watermark is not advanced,"
                             + " the next poll reads the same window again", stream.uriName(), sync.store(), first.totalCount(),
                            page.totalCount());
                }
                if (!bounds.repeated()) {
                    parts.delivery().handOver(sync, fetched, number, pageCount, collectKeys);
                }
                if (!bounds.consistent()) {
                    parts.reports().inconsistent(sync, sync.path(stream), bounds.problem());
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
        parts.delivery().awaitAll();
        parts.failIfStopping(sync);
    }

    /**
     * After an inconsistent page: the pages already requested are still published (items read are never dropped),
     * apart from repeats of earlier pages; nothing further is requested. A failure of one of them changes nothing
     * (the pass already ended early and the next one reads again), so it is only noted at DEBUG.
     */
    private void handOverInFlight(StoreSync sync, Deque<Future<FetchedPage>> ahead, PageBounds bounds, int lastNumber,
                                  int pageCount, boolean collectKeys) throws Exception {
        int number = lastNumber;
        while (!ahead.isEmpty() && parts.runAllowed()) {
            FetchedPage fetched;
            try {
                fetched = PageFetchers.await(ahead.removeFirst());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.debug("magento:{} page requested before the pass ended early failed", stream.uriName(), e);
                continue;
            }
            Page page = fetched.page();
            if (!page.items().isEmpty() && !bounds.isRepeat(parts.keysOf(page))) {
                parts.delivery().handOver(sync, fetched, ++number, pageCount, collectKeys);
            }
        }
    }
}
