package org.magentokafka.component;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.magentokafka.change.StateStore;
import org.magentokafka.consumer.CatalogSignals;
import org.magentokafka.consumer.StreamStore;
import org.magentokafka.net.NetworkSettings;
import org.magentokafka.client.ScanBudget;
import org.magentokafka.client.StoreAddress;
import org.magentokafka.client.StoreGate;
import org.magentokafka.enrich.MetadataCache;
import org.magentokafka.storefront.ParentIndex;

/**
 * What every stream of one store (one base URL) shares: the gate that bounds its requests, the budget of its scans, its HTTP clients, its
 * authenticators (one admin token for all streams), the enrichment caches, the signals between its streams and
 * the change state of each stream and store view. Opened by {@link MagentoComponent#store} on first use, closed
 * (state stores flushed and closed) when the component stops.
 */
final class StoreContext implements StreamStore, AutoCloseable {

    private final String baseUrl;
    private volatile StoreGate gate;
    private volatile ScanBudget scanBudget;
    private final Map<Object, HttpClient> httpClients = new ConcurrentHashMap<>();
    private final Authenticators authenticators = new Authenticators();
    private final MetadataCache metadata = new MetadataCache();
    private final CatalogSignals signals = new CatalogSignals();
    /** Child → parents of the configurables: links are global, not per store view. */
    private final ParentIndex parents = new ParentIndex();
    /** The store views whose product pages asked for storefront look-ups (the scans that serve them run only then). */
    private final Set<String> storefrontViews = ConcurrentHashMap.newKeySet();
    /** Whether {@link #parents} was listed since the products consumer (re)started. */
    private boolean parentsListed;
    private final Map<String, StateStore> states = new ConcurrentHashMap<>();

    StoreContext(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The context's key: the store URL as {@link StoreAddress} normalizes it (no trailing slash). */
    static String keyOf(String baseUrl) {
        return new StoreAddress(baseUrl, null, null).baseUrl();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The store's gate; the first endpoint to ask sets its limits, as every endpoint of a store has the same. */
    synchronized StoreGate gate(int maxConcurrency, double maxPerSecond) {
        if (gate == null) {
            gate = new StoreGate(maxConcurrency, maxPerSecond);
        }
        return gate;
    }

    /** The budget all scans of the store share; the first endpoint to ask sets it, as every endpoint has the same. */
    synchronized ScanBudget scanBudget(double perSecond) {
        if (scanBudget == null) {
            scanBudget = new ScanBudget(perSecond);
        }
        return scanBudget;
    }

    /** The HTTP client for these network settings (proxy, trusted CAs, connect timeout), built once. */
    HttpClient httpClient(NetworkSettings network, Duration connectTimeout) {
        return httpClients.computeIfAbsent(List.of(network, connectTimeout), k -> network.httpClient(connectTimeout));
    }

    Authenticators authenticators() {
        return authenticators;
    }

    @Override
    public MetadataCache metadata() {
        return metadata;
    }

    @Override
    public CatalogSignals signals() {
        return signals;
    }

    ParentIndex parents() {
        return parents;
    }

    /**
     * The index, listed first by {@code listing} when it was not since the products consumer started: only a route
     * that asks for storefront look-ups pays for the listing, once per store whatever the store views.
     */
    @Override
    public synchronized ParentIndex listedParents(Consumer<ParentIndex> listing) {
        if (!parentsListed) {
            listing.accept(parents);
            parentsListed = true;
        }
        return parents;
    }

    /** A page of this store view had its storefront look-ups taken by a route (the scans that serve them run only then). */
    @Override
    public void storefrontAsked(String storeCode) {
        storefrontViews.add(storeCode);
    }

    /**
     * Whether the route enriches this store view's products for the storefront: the salable-quantity scan and the
     * price pass serve those events only, a route publishing raw products (the Kamelet) does not pay for them.
     */
    @Override
    public boolean servesStorefront(String storeCode) {
        return storefrontViews.contains(storeCode);
    }

    /** The products consumer starts: the stream resumes from its watermark, so the index must be listed again. */
    synchronized void forgetParentsListing() {
        parentsListed = false;
    }

    /** A stream's state in one store view, opened on first use (the first poll, not the start). */
    StateStore state(String key, Supplier<StateStore> open) {
        return states.computeIfAbsent(key, k -> open.get());
    }

    /** Drops the states opened so far: the next use opens them again (a replica that took the lease over). */
    void forgetStates() {
        states.values().forEach(StateStore::close);
        states.clear();
    }

    @Override
    public void close() {
        states.values().forEach(StateStore::close);
        states.clear();
    }
}
