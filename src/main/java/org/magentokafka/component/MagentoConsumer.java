package org.magentokafka.component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedList;
import java.util.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.util.ObjectHelper;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.PagePlan;
import org.magentokafka.paging.SearchCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one stream: reads page 1 to learn {@code total_count}, then the remaining pages (prefetched in parallel
 * up to the store's concurrency level, emitted in page order), one exchange per page whose body is the page's
 * items. Never requests a page past {@code ceil(total_count / pageSize)}. A failed page fails the poll; the next
 * poll starts again after a back-off.
 */
public class MagentoConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MagentoConsumer.class);

    private final MagentoEndpoint endpoint;
    private final PollBackoff backoff;
    private ExecutorService fetchers;
    private boolean emptyReported;

    public MagentoConsumer(MagentoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.backoff = new PollBackoff(endpoint.pollInterval(), endpoint.errorBackoffMax());
        // Failures are logged once, on one line, by poll(); the default handler would add a stack trace per poll.
        setExceptionHandler(new QuietPollExceptionHandler(getExceptionHandler()));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        fetchers = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "MagentoPageFetch-" + endpoint.getStream(),
                        endpoint.getConfiguration().getMaxConcurrency());
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
        try {
            int pages = sync();
            if (backoff.failures() > 0) {
                LOG.info("magento:{} recovered after {} failed poll(s)", endpoint.getStream(), backoff.failures());
            }
            backoff.succeeded();
            return pages;
        } catch (Exception e) {
            Duration wait = backoff.failed();
            String message = e instanceof MagentoException ? e.getMessage() : "unexpected failure: " + e;
            LOG.warn("magento:{} poll failed: {} (next attempt in {} s)", endpoint.getStream(), message,
                    wait.toMillis() / 1000.0);
            LOG.debug("magento:{} poll failure detail", endpoint.getStream(), e);
            throw e;
        }
    }

    private int sync() throws Exception {
        long started = System.nanoTime();
        MagentoStream stream = endpoint.stream();
        MagentoClient client = endpoint.client();
        SearchCriteria criteria = SearchCriteria.paged(endpoint.getConfiguration().getPageSize())
                .sortedBy(stream.sortField(), "ASC");
        Page first = client.fetchPage(stream.resource(), criteria.withPage(1));
        PagePlan plan = new PagePlan(first.totalCount(), criteria.pageSize());
        if (plan.isEmpty()) {
            reportEmpty(client);
            return 0;
        }
        emptyReported = false;
        int pageCount = plan.pageCount();
        long items = 0;
        Deque<Future<Page>> ahead = new ArrayDeque<>();
        int nextToFetch = 2;
        try {
            Page page = first;
            for (int number = 1; number <= pageCount && isRunAllowed(); number++) {
                // Keep up to maxConcurrency pages in flight; the store gate bounds what actually hits the store.
                while (nextToFetch <= pageCount && ahead.size() < endpoint.getConfiguration().getMaxConcurrency()) {
                    SearchCriteria pageCriteria = criteria.withPage(nextToFetch++);
                    ahead.add(fetchers.submit(() -> client.fetchPage(stream.resource(), pageCriteria)));
                }
                if (number > 1) {
                    page = await(ahead.removeFirst());
                }
                deliver(page, pageCount);
                items += page.items().size();
            }
        } finally {
            ahead.forEach(f -> f.cancel(true));
        }
        LOG.info("magento:{} synced {} items in {} pages from {} in {} ms", endpoint.getStream(), items, pageCount,
                client.address().path(stream.resource()), (System.nanoTime() - started) / 1_000_000);
        return pageCount;
    }

    private void deliver(Page page, int pageCount) throws Exception {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(page.items());
        exchange.getMessage().setHeader(MagentoConstants.STREAM, endpoint.getStream());
        exchange.getMessage().setHeader(MagentoConstants.STORE_CODE, endpoint.client().address().storeCode());
        exchange.getMessage().setHeader(MagentoConstants.PAGE, page.number());
        exchange.getMessage().setHeader(MagentoConstants.PAGE_COUNT, pageCount);
        exchange.getMessage().setHeader(MagentoConstants.TOTAL_COUNT, page.totalCount());
        Queue<Object> batch = new LinkedList<>();
        batch.add(exchange);
        processBatch(batch);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = ObjectHelper.cast(Exchange.class, exchanges.poll());
            Integer page = exchange.getMessage().getHeader(MagentoConstants.PAGE, Integer.class);
            Integer pageCount = exchange.getMessage().getHeader(MagentoConstants.PAGE_COUNT, Integer.class);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, page - 1);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, pageCount);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, page.equals(pageCount));
            pendingExchanges = pageCount - page;
            Exception failure;
            try {
                // Synchronous: the next page is handed over only after this one was delivered (or failed).
                getProcessor().process(exchange);
                failure = exchange.getException();
            } catch (Exception e) {
                failure = e;
            } finally {
                releaseExchange(exchange, false);
            }
            if (failure != null) {
                throw new MagentoException(endpoint.client().address().path(endpoint.stream().resource()), 0, true,
                        "delivering page " + page + "/" + pageCount + " of magento:" + endpoint.getStream() + " failed ("
                                                                                                   + failure.getMessage()
                                                                                                   + "); nothing after the last delivered page is marked done, the next poll resumes",
                        failure);
            }
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

    private void reportEmpty(MagentoClient client) {
        if (!emptyReported) {
            emptyReported = true;
            LOG.warn("magento:{} GET {} returned total_count=0: store view '{}' has no items visible to this integration"
                     + " (empty catalog, wrong magento.store-code, or items not assigned to this website). Nothing to publish; polling continues",
                    endpoint.getStream(), client.address().path(endpoint.stream().resource()),
                    client.address().storeCode());
        }
    }
}
