package org.magentokafka.consumer.paging;

import java.util.List;
import java.util.Map;

/**
 * Where a pass's pages go: one exchange per page to the route, each page's state committed once Kafka acknowledged
 * it (the consumer's {@code PageDelivery}). A few pages are in flight at once; a failed one fails the pass.
 */
public interface PageSink {

    /** Notes what the page shows (keys, newest timestamp) and hands it to the route, with its look-ups. */
    void handOver(StoreSync sync, FetchedPage page, int number, int pageCount, boolean collectKeys) throws Exception;

    /** Hands these items (or, with {@code deletes}, these deleted keys) to the route as one page. */
    void deliver(StoreSync sync, List<Map<String, Object>> items, int page, int pageCount, long totalCount,
                 boolean deletes) throws Exception;

    /** Waits until every page handed over has completed; rethrows the first failure. */
    void awaitAll() throws Exception;
}
