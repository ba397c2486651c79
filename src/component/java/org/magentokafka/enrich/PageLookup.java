package org.magentokafka.enrich;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One look-up of a products page (its stock, the attribute metadata, the category tree or its storefront look-ups),
 * answered once. Its requests run where it is started: on a page fetcher as soon as the page arrived (the
 * consumer's prefetch options), or, when nobody started it, at the first {@link #await} on the route's thread. Then
 * {@code take} turns the answer into what the route uses, once, on the thread that awaits it: the route takes a
 * poll's pages in order, so what must see every earlier page (the child &rarr; parents index) and what the look-up
 * tells about the store's optional parts happen there, not on the fetchers.
 * <p>
 * A failure is the answer: every await rethrows it unwrapped, and the route fails the page (it is read again). An
 * optional part the store refuses is not a failure: the look-up answers {@link UnknownParts} saying why.
 *
 * @param <T> what the route uses
 */
public final class PageLookup<T> {

    private final Callable<?> request;
    private final Function<Object, T> take;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Object> answer = new CompletableFuture<>();
    /** Set once the route took the answer: the value taken, or why taking it failed. */
    private boolean taken;
    private T value;
    private Exception failure;

    @SuppressWarnings("unchecked")
    private <A> PageLookup(Callable<A> request, Function<A, T> take) {
        this.request = request;
        this.take = answer -> take.apply((A) answer);
    }

    /**
     * @param request the look-up's requests (a checked exception is the answer's failure as any other)
     * @param take    what the route does with the answer, on the thread that awaits it
     */
    public static <A, T> PageLookup<T> of(Callable<A> request, Function<A, T> take) {
        return new PageLookup<>(request, take);
    }

    /** A look-up the route uses as it answers. */
    public static <T> PageLookup<T> of(Callable<T> request) {
        return new PageLookup<>(request, answer -> answer);
    }

    /**
     * Runs the requests on this thread, unless they were started already (here or elsewhere). Never throws: a
     * failure becomes the answer's, for the route to see.
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            answer.complete(request.call());
        } catch (Exception | Error e) {
            answer.completeExceptionally(e);
        }
    }

    /** Whether the requests were started, here or elsewhere. */
    public boolean started() {
        return started.get();
    }

    /**
     * The answer as the route uses it: waits for requests started elsewhere, runs them here when nobody did (so a
     * page whose look-up was never started costs the same requests, on the route's thread).
     *
     * @throws Exception the look-up's own failure, not wrapped
     */
    public T await() throws Exception {
        start();
        Object answered;
        try {
            answered = answer.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof Exception exception ? exception : e;
        }
        synchronized (this) {
            if (!taken) {
                try {
                    value = take.apply(answered);
                } catch (RuntimeException e) {
                    failure = e;
                }
                taken = true;
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    /** The answer as the route took it, or null when the route has not awaited it (nothing is asked here). */
    public synchronized T taken() {
        return taken ? value : null;
    }
}
