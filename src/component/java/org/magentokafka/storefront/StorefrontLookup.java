package org.magentokafka.storefront;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.Unavailable;
import org.magentokafka.enrich.UnknownParts;

/**
 * The storefront look-ups of one page of products in one store view, at most four requests whatever the page
 * holds (children, salable quantities, render-info; a second children page only when a page's children exceed
 * the page size): storefront-ready events cost a few requests per page, never one per product. The store view's
 * {@link StoreViewScope} is cached metadata.
 * <p>
 * Children first (the salable quantities need their SKUs), then salable quantities and render-info side by side:
 * on the page fetchers the page's look-ups take two round trips after the page instead of three.
 */
public final class StorefrontLookup {

    private StorefrontLookup() {
    }

    /**
     * @param client   the store view's client ({@code /rest/<store>/V1/...})
     * @param scope    the store view's website, stock, currency and base URLs
     * @param products the page's product rows
     * @param guest    true with magento.auth.mode=none: salable quantities are never served to guests
     */
    public static StorefrontPage of(MagentoClient client, StoreViewScope scope, List<Map<String, Object>> products,
                                    boolean guest) {
        return of(client, scope, products, guest, Runnable::run);
    }

    /**
     * The same, with the salable quantities asked on {@code parallel} while this thread asks render-info.
     *
     * @param parallel where the second request of the pair runs ({@code Runnable::run}: one after the other)
     */
    public static StorefrontPage of(MagentoClient client, StoreViewScope scope, List<Map<String, Object>> products,
                                    boolean guest, Executor parallel) {
        Map<Long, Map<String, Object>> children = ChildRows.of(client, products);
        // What the scope does not know is not asked: salable without the website's stock, render-info without the
        // store view's id and currency.
        boolean askSalable = !guest && !scope.unknown().contains(EventPart.SALABLE);
        CompletableFuture<Map<String, SalableState>> salable = !askSalable ? CompletableFuture.completedFuture(null)
                : start(() -> SalableQuantities.of(client, scope, products, children), parallel);
        Map<Long, Map<String, Object>> renderInfo = scope.websiteKnown() ? RenderInfo.of(client, scope, products, children) : null;
        UnknownParts unknown = scope.unknown();
        Map<String, SalableState> states = null;
        try {
            states = join(salable);
        } catch (MagentoException e) {
            // Refused or without a route on this page although the scope had the stock (a grant taken back since):
            // unknown, not "not salable"; a blip is thrown and the page waits.
            unknown = unknown.with(EventPart.SALABLE, Unavailable.orThrow(e, StoreScopes.STOCK_RESOURCE, SalableExport.ENDPOINT));
        }
        return new StorefrontPage(scope, children, states, renderInfo, Map.of(), unknown);
    }

    private static <T> CompletableFuture<T> start(Supplier<T> lookup, Executor parallel) {
        try {
            return CompletableFuture.supplyAsync(lookup, parallel);
        } catch (RejectedExecutionException e) {
            // The pool is stopping with the consumer: ask here rather than never.
            return CompletableFuture.completedFuture(lookup.get());
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
