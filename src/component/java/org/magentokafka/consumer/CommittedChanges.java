package org.magentokafka.consumer;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.magentokafka.consumer.delivery.PageDelivery;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.enrich.PageLookups;
import org.magentokafka.storefront.StoreScopes;
import org.magentokafka.storefront.StorefrontPage;
import org.magentokafka.stream.MagentoStream;

/**
 * Tells the products stream what a page of another stream changed beneath it, before the page's state records the
 * change: a committed change of stock asks for those products again, of attributes or categories for a full pass;
 * a committed change of a configurable's child asks for its parents again.
 */
public final class CommittedChanges implements PageDelivery.Changes {

    private final StreamContext endpoint;
    private final MagentoStream stream;

    public CommittedChanges(StreamContext endpoint) {
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
    }

    /** Tells the products stream what changed beneath it. */
    @Override
    public void changed(StoreSync sync, List<String> changedKeys, Exchange page) {
        String store = sync.store();
        if (changedKeys.isEmpty()) {
            return;
        }
        StreamStore shared = endpoint.store();
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
                // Only when the route took the page's storefront look-ups (they hold the children's parents).
                PageLookups lookups = PageLookups.on(page);
                if (lookups != null && lookups.storefront().taken() instanceof StorefrontPage storefront && !sync.fullPass()) {
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
