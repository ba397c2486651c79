package org.magentokafka.consumer.delivery;

import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.magentokafka.change.KeyVersion;
import org.magentokafka.change.PageCommit;
import org.magentokafka.client.MagentoException;
import org.magentokafka.consumer.paging.FetchedPage;
import org.magentokafka.consumer.paging.PageSink;
import org.magentokafka.consumer.paging.PagingContext;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.paging.Page;
import org.magentokafka.stream.MagentoConstants;
import org.magentokafka.stream.MagentoStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands pages to the route, one exchange per page, and commits each page's state only once Kafka acknowledged it
 * (as camel-aws2-s3 commits after success): the exchange carries the page's {@link PageCommit}, applied in its
 * on-completion and abandoned on failure; a products page also carries its look-ups (property
 * {@value MagentoConstants#PAGE_LOOKUPS}), for the route's enrichers to await. Before a page records its changed
 * keys, the consumer hears of them ({@link Changes}): a change of stock, attributes or categories signals the
 * products stream of the same store, a change of a configurable's child asks for its parents again. Up to a few
 * pages are in flight at once ({@link PageDeliveries}).
 */
public final class PageDelivery implements PageSink {

    private static final Logger LOG = LoggerFactory.getLogger(PageDelivery.class);

    /** The consumer's side of a hand-over: Camel's exchange factory and batch processing. */
    public interface Sink {
        Exchange createExchange(boolean autoRelease);

        int processBatch(Queue<Object> exchanges) throws Exception;
    }

    /** How far a sync got: told after each page handed over (the stream's status, the progress line). */
    @FunctionalInterface
    public interface Progress {
        void pageDone(StoreSync sync, int page, int pageCount);
    }

    /**
     * What a page changed, told before its state records it: a request for a full pass is then recorded before the
     * change that asks for it, so a crash in between re-reads the change and asks again rather than losing it.
     */
    @FunctionalInterface
    public interface Changes {
        void changed(StoreSync sync, List<String> changedKeys, Exchange page);
    }

    private final Sink sink;
    private final PagingContext endpoint;
    private final MagentoStream stream;
    private final PageDeliveries deliveries;
    private final Progress progress;
    private final Changes changes;
    /** store view → hashes of pages in flight (see {@link PageCommit}). */
    private final Map<String, Map<String, KeyVersion>> inFlightHashes = new ConcurrentHashMap<>();

    /** @param deliveries the pages in flight, which the consumer's batch processing begins and completes */
    public PageDelivery(Sink sink, PagingContext endpoint, PageDeliveries deliveries, Progress progress, Changes changes) {
        this.sink = sink;
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
        this.deliveries = deliveries;
        this.progress = progress;
        this.changes = changes;
    }

    @Override
    public void handOver(StoreSync sync, FetchedPage fetched, int number, int pageCount, boolean collectKeys) throws Exception {
        Page page = fetched.page();
        sync.note(stream, page, collectKeys);
        Exchange exchange = exchangeOf(sync, page.items(), number, pageCount, page.totalCount(), false);
        if (fetched.lookups() != null) {
            // The route's enrichers await them: started on the fetchers when the options say so, else when awaited.
            exchange.setProperty(MagentoConstants.PAGE_LOOKUPS, fetched.lookups());
        }
        process(exchange);
        sync.pageHandedOver(page.items().size());
        progress.pageDone(sync, number, pageCount);
    }

    @Override
    public void awaitAll() throws Exception {
        deliveries.awaitAll();
    }

    @Override
    public void deliver(StoreSync sync, List<Map<String, Object>> items, int page, int pageCount, long totalCount,
                        boolean deletes) throws Exception {
        process(exchangeOf(sync, items, page, pageCount, totalCount, deletes));
    }

    /** The page's exchange, its state committed in its on-completion. */
    private Exchange exchangeOf(StoreSync sync, List<Map<String, Object>> items, int page, int pageCount, long totalCount,
                                boolean deletes) {
        Exchange exchange = sink.createExchange(true);
        exchange.getMessage().setBody(items);
        exchange.getMessage().setHeader(MagentoConstants.STREAM, endpoint.getStream());
        exchange.getMessage().setHeader(MagentoConstants.STORE_CODE, sync.store());
        exchange.getMessage().setHeader(MagentoConstants.SOURCE, sync.client().address().baseUrl()
                                                                 + sync.client().address().path(""));
        exchange.getMessage().setHeader(MagentoConstants.PAGE, page);
        exchange.getMessage().setHeader(MagentoConstants.PAGE_COUNT, pageCount);
        exchange.getMessage().setHeader(MagentoConstants.TOTAL_COUNT, totalCount);
        exchange.getMessage().setHeader(MagentoConstants.DELETES, deletes);
        PageCommit commit = new PageCommit(sync.state(),
                inFlightHashes.computeIfAbsent(sync.store(), s -> new ConcurrentHashMap<>()));
        exchange.setProperty(PageCommit.PROPERTY, commit);
        // Signals first: a request for a full pass is recorded before the change that asks for it, so a crash in
        // between re-reads the change and asks again rather than losing the request.
        if (!sync.initial()) {
            commit.beforeRecord(() -> changes.changed(sync, commit.changedKeys(), exchange));
        }
        // The state advances only once the page was fully delivered (or inside the transaction that delivers it,
        // with high availability: then this finds it recorded).
        exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                try {
                    commit.apply();
                } catch (RuntimeException e) {
                    // Camel swallows what an on-completion throws: set on the exchange, the consumer's callback (which
                    // runs after this) sees the page failed, so the poll fails and the watermark stays.
                    done.setException(new IllegalStateException("the change state of store view " + sync.store()
                                                                + " could not record the page: " + e.getMessage(), e));
                }
            }

            @Override
            public void onFailure(Exchange failed) {
                commit.abandon();
                LOG.debug("magento:{} page {} of store view {} not committed", endpoint.getStream(), page, sync.store());
            }
        });
        return exchange;
    }

    private void process(Exchange exchange) throws Exception {
        Queue<Object> batch = new LinkedList<>();
        batch.add(exchange);
        sink.processBatch(batch);
    }

    /**
     * Why a poll stops when the route failed a page it was handed.
     *
     * @param path where the stream's list lives in the page's store view
     */
    public static MagentoException failed(String path, String streamName, String store, int page, int pageCount,
                                          Exception failure) {
        return new MagentoException(path, 0, true,
                "delivering page " + page + "/" + pageCount + " of magento:" + streamName + " (store view "
                + store + ") failed (" + failure.getMessage()
                + "); nothing after the last delivered page is marked done, the next poll resumes", failure);
    }
}
