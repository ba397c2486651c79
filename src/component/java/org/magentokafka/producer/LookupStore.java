package org.magentokafka.producer;

import java.util.function.Consumer;

import org.magentokafka.enrich.MetadataCache;
import org.magentokafka.storefront.ParentIndex;

/**
 * What the look-ups share with every other stream of their store (one base URL): the metadata cache, the child &rarr;
 * parents index and which store views have their pages enriched for the storefront.
 */
public interface LookupStore {

    /** Attribute metadata, category trees and store scopes per store view. */
    MetadataCache metadata();

    /** A page of this store view had its storefront look-ups taken by a route (the scans that serve them run only then). */
    void storefrontAsked(String storeCode);

    /** The store's child &rarr; parents index, listed first by {@code listing} when it was not since the products consumer started. */
    ParentIndex listedParents(Consumer<ParentIndex> listing);
}
