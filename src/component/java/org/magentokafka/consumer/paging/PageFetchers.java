package org.magentokafka.consumer.paging;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.CamelContext;
import org.magentokafka.paging.Page;

/**
 * The consumer's page fetchers: a thread pool of twice the store's concurrency, started and stopped with the
 * consumer. While some fetchers parse a page, others already wait at the store gate, which alone bounds the
 * requests in flight. Beside them a pool for the second look-up of a pair a fetcher makes for its page (stock beside
 * the storefront look-ups, salable quantities beside render-info): leaf tasks, at most two per fetcher, so neither
 * pool ever waits for itself.
 */
final class PageFetchers {

    private final MagentoEndpoint endpoint;
    private volatile ExecutorService pool;
    private volatile ExecutorService lookups;

    PageFetchers(MagentoEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void start(Object owner) {
        pool = camel().getExecutorServiceManager().newFixedThreadPool(owner, "MagentoPageFetch-" + endpoint.getStream(),
                2 * endpoint.getConfiguration().getMaxConcurrency());
        lookups = camel().getExecutorServiceManager().newFixedThreadPool(owner, "MagentoLookup-" + endpoint.getStream(),
                4 * endpoint.getConfiguration().getMaxConcurrency());
    }

    void stop() {
        if (pool != null) {
            camel().getExecutorServiceManager().shutdownNow(pool);
            pool = null;
        }
        if (lookups != null) {
            camel().getExecutorServiceManager().shutdownNow(lookups);
            lookups = null;
        }
    }

    /** Runs a page's second look-up beside the fetcher's own; refuses (RejectedExecutionException) when stopped. */
    Executor lookups() {
        return task -> {
            ExecutorService current = lookups;
            if (current == null) {
                throw new RejectedExecutionException("the consumer's look-up pool is stopped");
            }
            current.execute(task);
        };
    }

    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    void submit(Runnable task) {
        pool.submit(task);
    }

    /** The fetched page, or the fetch's own failure (not wrapped). */
    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private CamelContext camel() {
        return endpoint.getCamelContext();
    }
}
