package org.magentokafka.producer;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.magentokafka.enrich.MetadataCache;
import org.magentokafka.enrich.PrefetchedLookups;
import org.magentokafka.storefront.ParentIndex;
import org.magentokafka.storefront.StorefrontPage;

/** What the look-ups share with every other stream of their store (one base URL): caches and prefetched answers. */
public interface LookupStore {

    /** Attribute metadata, category trees and store scopes per store view. */
    MetadataCache metadata();

    /** Pages' stock look-ups started on the page fetchers, by SKU set (source items are the same in every view). */
    PrefetchedLookups<List<Map<String, Object>>> inventoryPrefetch();

    /** Pages' storefront look-ups started on the page fetchers, by store view and SKU set. */
    PrefetchedLookups<StorefrontPage> storefrontPrefetch();

    /** A page of this store view asked for its storefront look-ups ({@code magento:products} as a look-up). */
    void storefrontAsked(String storeCode);

    /** The store's child &rarr; parents index, listed first by {@code listing} when it was not since the products consumer started. */
    ParentIndex listedParents(Consumer<ParentIndex> listing);
}
