package org.magentokafka.component;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.camel.CamelContext;
import org.magentokafka.paging.Page;

/**
 * The consumer's page fetchers: a thread pool of twice the store's concurrency, started and stopped with the
 * consumer. While some fetchers parse a page, others already wait at the store gate, which alone bounds the
 * requests in flight.
 */
final class PageFetchers {

    private final MagentoEndpoint endpoint;
    private volatile ExecutorService pool;

    PageFetchers(MagentoEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void start(Object owner) {
        pool = camel().getExecutorServiceManager().newFixedThreadPool(owner, "MagentoPageFetch-" + endpoint.getStream(),
                2 * endpoint.getConfiguration().getMaxConcurrency());
    }

    void stop() {
        if (pool != null) {
            camel().getExecutorServiceManager().shutdownNow(pool);
            pool = null;
        }
    }

    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    void submit(Runnable task) {
        pool.submit(task);
    }

    /** The fetched page, or the fetch's own failure (not wrapped). */
    static Page await(Future<Page> future) throws Exception {
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
