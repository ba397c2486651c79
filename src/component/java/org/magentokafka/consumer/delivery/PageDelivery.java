package org.magentokafka.consumer.delivery;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.magentokafka.change.KeyVersion;
import org.magentokafka.change.PageCommit;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.LookupAggregationStrategy;
import org.magentokafka.storefront.StorefrontPage;
import org.magentokafka.paging.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.magentokafka.storefront.StoreScopes;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.stream.MagentoConstants;

/**
 * Hands pages to the route, one exchange per page, and commits each page's state only once Kafka acknowledged it
 * (as camel-aws2-s3 commits after success): the exchange carries the page's {@link PageCommit}, applied in its
 * on-completion and abandoned on failure. A committed change of stock, attributes or categories then signals the
 * products stream of the same store; a committed change of a configurable's child asks for its parents again.
 */
final class PageDelivery {

    // The consumer's category: log levels set for the consumer keep applying to its parts.
    private static final Logger LOG = LoggerFactory.getLogger(MagentoConsumer.class);

    /** The consumer's side of a hand-over: Camel's exchange factory and batch processing. */
    interface Sink {
        Exchange createExchange(boolean autoRelease);

        int processBatch(Queue<Object> exchanges) throws Exception;
    }

    private final Sink sink;
    private final MagentoEndpoint endpoint;
    private final MagentoStream stream;
    private final PollStatus status;
    private final SyncProgress progress;
    /** store view → hashes of pages in flight (see {@link PageCommit}). */
    private final Map<String, Map<String, KeyVersion>> inFlightHashes = new ConcurrentHashMap<>();

    PageDelivery(Sink sink, MagentoEndpoint endpoint, PollStatus status, SyncProgress progress) {
        this.sink = sink;
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
        this.status = status;
        this.progress = progress;
    }

    /** Notes what the page shows (keys, newest timestamp) and hands it to the route. */
    void handOver(StoreSync sync, Page page, int number, int pageCount, boolean collectKeys) throws Exception {
        sync.note(stream, page, collectKeys);
        deliver(sync, page.items(), number, pageCount, page.totalCount(), false);
        sync.items += page.items().size();
        sync.pages++;
        status.progress(number, pageCount);
        progress.pageDone(sync, number, pageCount);
    }

    void deliver(StoreSync sync, List<Map<String, Object>> items, int page, int pageCount, long totalCount,
                 boolean deletes) throws Exception {
        Exchange exchange = sink.createExchange(true);
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
                inFlightHashes.computeIfAbsent(sync.store, s -> new ConcurrentHashMap<>()));
        exchange.setProperty(PageCommit.PROPERTY, commit);
        // Signals first: a request for a full pass is recorded before the change that asks for it, so a crash in
        // between re-reads the change and asks again rather than losing the request.
        if (!sync.initial) {
            commit.beforeRecord(() -> signal(sync, commit.changedKeys(), exchange));
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
                    done.setException(new IllegalStateException("the change state of store view " + sync.store
                                                                + " could not record the page: " + e.getMessage(), e));
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
        sink.processBatch(batch);
    }

    /** Why a poll stops when the route failed a page it was handed. */
    static MagentoException failed(MagentoEndpoint endpoint, String store, int page, int pageCount, Exception failure) {
        return new MagentoException(endpoint.client(store).address().path(endpoint.stream().resource()), 0, true,
                "delivering page " + page + "/" + pageCount + " of magento:" + endpoint.getStream() + " (store view "
                + store + ") failed (" + failure.getMessage()
                + "); nothing after the last delivered page is marked done, the next poll resumes", failure);
    }

    /** Tells the products stream what changed beneath it. */
    private void signal(StoreSync sync, List<String> changedKeys, Exchange page) {
        String store = sync.store;
        if (changedKeys.isEmpty()) {
            return;
        }
        StoreContext shared = endpoint.store();
        switch (stream) {
            case SOURCE_ITEMS -> {
                Set<String> skus = new HashSet<>();
                changedKeys.forEach(k -> skus.add(stream.leadingValue(k)));
                RepublishRequests.inventoryChanged(endpoint, skus);
            }
            case PRODUCT_ATTRIBUTES, CATEGORIES -> {
                shared.metadata().invalidate(stream.uriName());
                // The store scopes (websites, stock, base URLs) have no change stream: refreshed with the metadata.
                shared.metadata().invalidate(StoreScopes.CACHE_KIND);
                FullPassRequests.request(endpoint, store);
            }
            case PRODUCTS -> {
                // A child's change (price, stock, status) changes its parents' variants: ask for them again in this
                // store view. A parent is nobody's child, so its own re-publish asks for nothing more.
                // A full pass reads the parents too, each with its children as they are now.
                StorefrontPage storefront = page.getProperty(LookupAggregationStrategy.PREFIX + "products", StorefrontPage.class);
                if (storefront != null && !sync.fullPass) {
                    Set<String> parents = new LinkedHashSet<>();
                    changedKeys.forEach(k -> parents.addAll(storefront.parents().getOrDefault(k, List.of())));
                    if (!parents.isEmpty()) {
                        RepublishRequests.request(endpoint, store, parents);
                    }
                }
            }
            default -> {
            }
        }
    }
}
