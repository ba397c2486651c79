package org.magentokafka.consumer.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;

import org.magentokafka.client.MagentoException;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.PageBounds;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.stream.MagentoStream;

/**
 * A full pass by keyset: page 1 sorted by id, then the highest id, then the ids in between split into one range
 * per concurrent request, each read by its own reader as {@code id > cursor AND id <= upper}, page 1 every time.
 * Pages are handed to the route as they arrive (each key appears in one page only, so the order per key is still
 * the store's); a bounded queue between readers and the poll keeps memory at a few pages.
 */
public final class KeysetReader {

    /** A reader's last word on the queue: its range is read. */
    private static final Object RANGE_DONE = new Object();

    private final PassParts parts;
    private final MagentoStream stream;

    public KeysetReader(PassParts parts) {
        this.parts = parts;
        this.stream = parts.stream();
    }

    public void read(StoreSync sync) throws Exception {
        PagingSettings conf = parts.context().getConfiguration();
        String idFilter = stream.sortFields().get(0);
        int pageSize = conf.getPageSize();
        SearchCriteria ascending = SearchCriteria.paged(pageSize).sortedBy(idFilter, "ASC");
        Page first = sync.client().fetchPage(stream.resource(), ascending.withPage(1));
        if (first.totalCount() == 0 && first.items().isEmpty()) {
            parts.reports().empty(sync, sync.path(stream));
            return;
        }
        parts.reports().notEmpty(sync);
        FetchedPage firstFetched = parts.lookups().arrived(sync, first);
        Runnable firstPrefetch = parts.lookups().prefetch(firstFetched);
        if (firstPrefetch != null) {
            parts.fetchers().submit(firstPrefetch);
        }
        // Keyset paging needs no count: a short page ends it. A count that contradicts the items is only reported.
        PageBounds.Problem nonsense = PageBounds.keysetProblem(first.totalCount(), first.items().size(), pageSize);
        int estimated = Math.max(1, new PagePlan(Math.max(0, first.totalCount()), pageSize).pageCount());
        int number = 1;
        if (!first.items().isEmpty()) {
            parts.delivery().handOver(sync, firstFetched, number, estimated, true);
        }
        if (nonsense != null) {
            parts.reports().inconsistent(sync, sync.path(stream), nonsense);
        }
        if (nonsense == null ? first.items().size() >= first.totalCount() : first.items().size() < pageSize) {
            parts.delivery().awaitAll();
            return;
        }
        Page top = sync.client().fetchPage(stream.resource(), SearchCriteria.paged(1).sortedBy(idFilter, "DESC").withPage(1));
        long after = idOf(first.items().get(first.items().size() - 1), sync);
        long highest = top.items().isEmpty() ? after : idOf(top.items().get(0), sync);
        List<KeyRanges.Range> ranges = KeyRanges.split(after, highest, conf.getMaxConcurrency());
        BlockingQueue<Object> arrived = new ArrayBlockingQueue<>(2 * conf.getMaxConcurrency());
        List<Future<?>> readers = new ArrayList<>();
        try {
            for (KeyRanges.Range range : ranges) {
                readers.add(parts.fetchers().submit(() -> readRange(sync, ascending, idFilter, range, arrived)));
            }
            int finished = 0;
            while (finished < ranges.size() && parts.runAllowed()) {
                Object next = arrived.take();
                if (next instanceof Exception failure) {
                    throw failure;
                }
                if (next instanceof PageBounds.Problem problem) {
                    parts.reports().inconsistent(sync, sync.path(stream), problem);
                    continue;
                }
                if (next == RANGE_DONE) {
                    finished++;
                    continue;
                }
                number++;
                parts.delivery().handOver(sync, (FetchedPage) next, number, Math.max(estimated, number), true);
            }
        } finally {
            readers.forEach(r -> r.cancel(true));
        }
        parts.delivery().awaitAll();
        parts.failIfStopping(sync);
    }

    /**
     * One reader's sub-range, page after page, until a page is empty or short (or, when the store's total_count is
     * consistent with the items, holds all it counts). A count that contradicts the items, or ids that do not
     * advance, go to the queue as a {@link PageBounds.Problem} for the poll to report.
     */
    private Void readRange(StoreSync sync, SearchCriteria ascending, String idFilter, KeyRanges.Range range,
                           BlockingQueue<Object> arrived) throws InterruptedException {
        try {
            long cursor = range.lower();
            while (true) {
                SearchCriteria criteria = ascending.withFilterGroup(new SearchCriteria.Filter(idFilter, String.valueOf(cursor), "gt"));
                if (range.upper() != null) {
                    criteria = criteria.withFilterGroup(new SearchCriteria.Filter(idFilter, String.valueOf(range.upper()), "lteq"));
                }
                Page page = sync.client().fetchPage(stream.resource(), criteria.withPage(1));
                // The page's look-ups go to another fetcher (the readers are at most half of them) and the reader asks
                // for its next page at once: one reader per concurrent request would otherwise leave the store idle
                // while it waits for its page's look-ups.
                FetchedPage fetched = parts.lookups().arrived(sync, page);
                Runnable prefetch = parts.lookups().prefetch(fetched);
                if (prefetch != null) {
                    parts.fetchers().submit(prefetch);
                }
                if (page.items().isEmpty()) {
                    break;
                }
                arrived.put(fetched);
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

    private long idOf(Map<String, Object> item, StoreSync sync) {
        Long id = stream.keysetIdOf(item);
        if (id == null) {
            throw new MagentoException(sync.path(stream), 200, false,
                    "keyset paging needs a numeric '" + stream.keysetIdField() + "' on every item, got '"
                    + item.get(stream.keysetIdField()) + "'; set magento.paging=page-number for this store");
        }
        return id;
    }
}
