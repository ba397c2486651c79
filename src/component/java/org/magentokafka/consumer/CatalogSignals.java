package org.magentokafka.consumer;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries changes that alter enriched products without touching the products themselves: a stock change (source
 * items) must re-publish the SKUs concerned, an attribute label or category change must re-evaluate every
 * product. The products consumer drains these at the start of each poll; the content hash then keeps only real
 * changes.
 */
public final class CatalogSignals {

    private final Map<String, Set<String>> pendingSkus = new ConcurrentHashMap<>();
    /** SKUs a poll has taken and not yet published (see {@link #awaiting}). */
    private final Map<String, Set<String>> inFlightSkus = new ConcurrentHashMap<>();
    /**
     * Store views whose products need a full pass, each with a count of the requests: a pass takes the count it
     * planned with and clears it only once it completed, and only if no request came meanwhile.
     */
    private final Map<String, Long> fullPassRequests = new ConcurrentHashMap<>();
    /** SKUs whose source items the stock index saw change, for the source-items consumer; null when none runs here. */
    private volatile Set<String> sourceItemSkus;
    /** Whether the products' stock index pass read every website at its last cycle. */
    private volatile boolean stockIndexServes;

    /** A products consumer reading this store view wants the signals. */
    public void register(String storeCode) {
        pendingSkus.computeIfAbsent(storeCode, k -> ConcurrentHashMap.newKeySet());
    }

    /** A source-items consumer runs in this process: it wants the SKUs the stock index saw change. */
    public void registerSourceItems() {
        if (sourceItemSkus == null) {
            sourceItemSkus = ConcurrentHashMap.newKeySet();
        }
    }

    /** The stock index saw these SKUs' stock move: their source items are read again (when a consumer reads them). */
    public void sourceItemsChanged(Collection<String> skus) {
        Set<String> pending = sourceItemSkus;
        if (pending != null) {
            pending.addAll(skus);
        }
    }

    /** Takes the SKUs whose source items are to be read again. */
    public Set<String> takeSourceItemSkus() {
        Set<String> pending = sourceItemSkus;
        if (pending == null || pending.isEmpty()) {
            return Set.of();
        }
        Set<String> taken = Set.copyOf(pending);
        pending.removeAll(taken);
        return taken;
    }

    /** What a failed read of source items did not get through, back for the next poll. */
    public void restoreSourceItemSkus(Collection<String> skus) {
        sourceItemsChanged(skus);
    }

    /** The stock index pass read every website at its last cycle (true), or stood aside for the paced scans. */
    public void stockIndexServes(boolean serves) {
        this.stockIndexServes = serves;
    }

    public boolean stockIndexServes() {
        return stockIndexServes;
    }

    /** Whether a products consumer of this process reads this store view. */
    boolean registered(String storeCode) {
        return pendingSkus.containsKey(storeCode);
    }

    /** The store views a products consumer of this process reads. */
    Set<String> registeredStores() {
        return Set.copyOf(pendingSkus.keySet());
    }

    /** Requests recorded in the products' state, for SKUs neither pending nor taken by a poll already. */
    void restoreRecorded(String storeCode, Collection<String> skus) {
        Set<String> pending = pendingSkus.get(storeCode);
        if (pending != null) {
            skus.stream().filter(s -> !inFlight(storeCode).contains(s)).forEach(pending::add);
        }
    }

    void inventoryChanged(Collection<String> skus) {
        pendingSkus.values().forEach(set -> set.addAll(skus));
    }

    /**
     * Products of one store view to publish again (their salable state, final price or a child changed): the next
     * products poll of that store view reads them by SKU; the content hash keeps only real changes.
     */
    public void republish(String storeCode, Collection<String> skus) {
        Set<String> pending = pendingSkus.get(storeCode);
        if (pending != null) {
            pending.addAll(skus);
        }
    }

    void metadataChanged(String storeCode) {
        fullPassRequests.merge(storeCode, 1L, Long::sum);
    }

    /** Takes the SKUs waiting to be re-published in a store view. */
    Set<String> takePendingSkus(String storeCode) {
        Set<String> pending = pendingSkus.get(storeCode);
        if (pending == null) {
            return Set.of();
        }
        Set<String> taken = Set.copyOf(pending);
        inFlight(storeCode).addAll(taken);
        pending.removeAll(taken);
        return taken;
    }

    /** Gives SKUs back after a failed poll, so none is lost. */
    void restorePendingSkus(String storeCode, Collection<String> skus) {
        republish(storeCode, skus);
        inFlight(storeCode).removeAll(skus);
    }

    /** The SKUs a poll took were published (Kafka acknowledged them). */
    void republished(String storeCode, Collection<String> skus) {
        inFlight(storeCode).removeAll(skus);
    }

    /**
     * Whether a SKU asked for again has not been published yet in that store view: a scan that found the change
     * records it as seen only then, so a crash in between finds it again after the restart instead of losing it.
     */
    public boolean awaiting(String storeCode, String sku) {
        Set<String> pending = pendingSkus.get(storeCode);
        return pending != null && pending.contains(sku) || inFlight(storeCode).contains(sku);
    }

    private Set<String> inFlight(String storeCode) {
        return inFlightSkus.computeIfAbsent(storeCode, k -> ConcurrentHashMap.newKeySet());
    }

    /** The requests for a full pass of this store view so far: 0 for none. The pass that serves them says so with {@link #fullPassDone}. */
    long fullPassRequested(String storeCode) {
        return fullPassRequests.getOrDefault(storeCode, 0L);
    }

    /**
     * A full pass planned when {@code requested} requests were waiting completed: they are served. A pass that
     * failed or ended inconsistent never calls this, so the next poll plans the full pass again; a request that
     * came during the pass is kept for the next one.
     */
    void fullPassDone(String storeCode, long requested) {
        if (requested > 0) {
            fullPassRequests.remove(storeCode, requested);
        }
    }
}
