package org.magentokafka.consumer.paging;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.spi.ExecutorServiceManager;

/**
 * The consumer's page fetchers: a thread pool of twice the store's concurrency, started and stopped with the
 * consumer. While some fetchers parse a page, others already wait at the store gate, which alone bounds the
 * requests in flight. Beside them a pool for the second look-up of a pair a fetcher makes for its page (stock beside
 * the storefront look-ups, salable quantities beside render-info): leaf tasks, at most two per fetcher, so neither
 * pool ever waits for itself.
 */
public final class PageFetchers {

    private final PagingContext endpoint;
    private volatile ExecutorService pool;
    private volatile ExecutorService lookups;

    public PageFetchers(PagingContext endpoint) {
        this.endpoint = endpoint;
    }

    public void start(Object owner) {
        pool = executors().newFixedThreadPool(owner, "MagentoPageFetch-" + endpoint.getStream(),
                2 * endpoint.getConfiguration().getMaxConcurrency());
        lookups = executors().newFixedThreadPool(owner, "MagentoLookup-" + endpoint.getStream(),
                4 * endpoint.getConfiguration().getMaxConcurrency());
    }

    public void stop() {
        if (pool != null) {
            executors().shutdownNow(pool);
            pool = null;
        }
        if (lookups != null) {
            executors().shutdownNow(lookups);
            lookups = null;
        }
    }

    /** Runs a page's second look-up beside the fetcher's own; refuses (RejectedExecutionException) when stopped. */
    public Executor lookups() {
        return task -> {
            ExecutorService current = lookups;
            if (current == null) {
                throw new RejectedExecutionException("the consumer's look-up pool is stopped");
            }
            current.execute(task);
        };
    }

    public <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    public void submit(Runnable task) {
        pool.submit(task);
    }

    /** The fetched page, or the fetch's own failure (not wrapped). */
    public static <T> T await(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ExecutorServiceManager executors() {
        return endpoint.executors();
    }
}
