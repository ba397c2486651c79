package org.magentokafka.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.change.KeyFingerprints;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.sandbox.InconsistentLists;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.testing.InMemoryStateStore;
import org.magentokafka.testing.PassFixture;
import org.magentokafka.testing.SandboxStreamContext;

/**
 * Keys vanish from the store only once the store confirmed it: a key a pass or a reconcile listing did not show is
 * asked for by key, and only what the store still does not return is published as deleted. A live key is never
 * deleted, whatever its SKU holds, and an answer that cannot be true confirms nothing.
 */
class DeletionSweepTest {

    private static final List<String> ODD = List.of("PIPE|ONE", "COMMA,TWO", "A|B,C");

    private SandboxStore store;
    private SandboxStreamContext endpoint;
    private PassFixture pass;

    private DeletionSweep start(MagentoStream stream, int products) {
        pass = PassFixture.onNewStore(stream, products, sandbox -> ODD.forEach(sku -> {
            sandbox.catalog().addProduct(sku, "Odd " + sku, 9.5);
            sandbox.catalog().setSourceItemQuantity(sku, "default", 7);
        }), settings -> { });
        store = pass.store();
        endpoint = pass.endpoint();
        return new DeletionSweep(pass.parts());
    }

    @AfterEach
    void stop() {
        if (pass != null) {
            pass.close();
        }
    }

    private Set<String> skus() {
        return pass.skus();
    }

    private Set<String> sourceItemKeys() {
        Set<String> keys = new TreeSet<>();
        store.catalog().sourceItems().forEach(item -> keys.add(MagentoStream.SOURCE_ITEMS.keyOf(
                Map.of("sku", item.get("sku").asText(), "source_code", item.get("source_code").asText()))));
        return keys;
    }

    private static KeyFingerprints seen(Set<String> keys) {
        KeyFingerprints seen = new KeyFingerprints();
        keys.forEach(seen::add);
        return seen;
    }

    /** The requests that asked the store for keys by value (sku in / sku eq). */
    private List<LoggedRequest> confirmations(String path) {
        return store.requests().matching(path).stream().filter(r -> r.filters("sku", "in") || r.filters("sku", "eq")).toList();
    }

    @Test
    void aKeyThePassDidNotSeeIsDeletedOnlyWhenTheStoreNoLongerReturnsIt() throws Exception {
        DeletionSweep sweep = start(MagentoStream.PRODUCTS, 60);
        Set<String> published = skus();
        String gone = published.iterator().next();
        store.catalog().deleteProduct(gone);
        // The pass missed a live product too (rows shifted between its pages): asked for again, it stays.
        String missed = new ArrayList<>(skus()).get(30);
        Set<String> shown = new TreeSet<>(skus());
        shown.remove(missed);
        StoreSync sync = pass.sync("default", InMemoryStateStore.publishing(published));
        shown.forEach(sync.seenKeys()::add);

        sweep.afterFullPass(sync);

        assertEquals(List.of(gone), pass.sink().deleted());
        assertEquals(1, sync.deleted());
        List<LoggedRequest> asked = confirmations("/V1/products");
        assertEquals(1, asked.size(), "one look-up for both candidates: " + asked);
        String values = asked.get(0).query().get("searchCriteria[filterGroups][0][filters][0][value]");
        assertEquals(Set.of(gone, missed), Set.of(values.split(",")), "exactly the candidates were asked for");
    }

    @Test
    void liveSkusWithPipesOrCommasAreNeverDeleted() throws Exception {
        DeletionSweep sweep = start(MagentoStream.PRODUCTS, 10);
        Set<String> others = new TreeSet<>(skus());
        others.removeAll(ODD);
        StoreSync sync = pass.sync("default", InMemoryStateStore.publishing(skus()));
        others.forEach(sync.seenKeys()::add);

        sweep.afterFullPass(sync);

        assertEquals(List.of(), pass.sink().deleted(), "each odd SKU was asked for as itself, found, and kept");
        for (String sku : List.of("COMMA,TWO", "A|B,C")) {
            assertTrue(confirmations("/V1/products").stream().anyMatch(r -> r.filters("sku", "eq")
                            && sku.equals(r.query().get("searchCriteria[filterGroups][0][filters][0][value]"))),
                    sku + ": Magento's 'in' splits on ',', so it is asked for alone: " + confirmations("/V1/products"));
        }
    }

    @Test
    void aDeletedSkuWithAPipeAndACommaIsDeletedAndOnlyIt() throws Exception {
        DeletionSweep sweep = start(MagentoStream.PRODUCTS, 10);
        Set<String> published = skus();
        store.catalog().deleteProduct("A|B,C");
        StoreSync sync = pass.sync("default", InMemoryStateStore.publishing(published));

        sweep.afterFullPass(sync);

        assertEquals(List.of("A|B,C"), pass.sink().deleted());
    }

    @Test
    void aSourceItemOfASkuWithSeparatorsStaysWhileLiveAndGoesWhenRemoved() throws Exception {
        DeletionSweep sweep = start(MagentoStream.SOURCE_ITEMS, 10);
        Set<String> published = sourceItemKeys();
        assertTrue(published.contains("A|B,C|default"), published.toString());
        store.catalog().deleteSourceItem("COMMA,TWO", "default");
        StoreSync sync = pass.sync("default", InMemoryStateStore.publishing(published));

        sweep.afterFullPass(sync);

        assertEquals(List.of("COMMA,TWO|default"), pass.sink().deleted(), "the key's own SKU, never cut at a '|' inside it");
    }

    @Test
    void aProductCreatedAfterTheReconcileListingIsKept() throws Exception {
        DeletionSweep sweep = start(MagentoStream.PRODUCTS, 30);
        Set<String> published = skus();
        String gone = published.iterator().next();
        store.catalog().deleteProduct(gone);
        KeyFingerprints listed = sweep.listKeys(endpoint.scanClient("default"), "default", 10, (s, rows, size) -> {
        });
        assertNotNull(listed);
        // Published by a poll after the listing: in the state, not in the listing.
        store.catalog().addProduct("CREATED-AFTER-THE-LISTING", "New", 1.0);
        published.add("CREATED-AFTER-THE-LISTING");

        StoreSync sync = pass.sync("default", InMemoryStateStore.publishing(published));
        sweep.confirm(sync, listed);

        assertEquals(List.of(gone), pass.sink().deleted(),
                "the store still returns the new product, so only what is really gone is deleted");
    }

    @Test
    void theReconcileListingReadsKeysOnlyAndSaysHowLargeTheStoreViewIs() {
        DeletionSweep sweep = start(MagentoStream.PRODUCTS, 47);
        List<String> sized = new ArrayList<>();

        KeyFingerprints listed = sweep.listKeys(endpoint.scanClient("default"), "default", 20,
                (s, rows, size) -> sized.add(s + ": " + rows + " rows of " + size));

        assertNotNull(listed);
        assertEquals(50, listed.size());
        assertTrue(skus().stream().allMatch(listed::contains));
        assertEquals(List.of("default: 50 rows of 20"), sized);
        List<LoggedRequest> pages = store.requests().matching("/V1/products");
        assertEquals(3, pages.size(), "ceil(50 / 20) pages");
        assertTrue(pages.stream().allMatch(r -> "items[sku],total_count".equals(r.query().get("fields"))
                                                && "20".equals(r.query().get("searchCriteria[pageSize]"))), pages.toString());
    }

    @Test
    void aListingThatDidNotSeeTheWholeListConfirmsNothing() {
        DeletionSweep sweep = start(MagentoStream.PRODUCTS, 60);
        store.setInconsistentLists(InconsistentLists.SHORT_PAGE_IN_THE_MIDDLE);

        assertNull(sweep.listKeys(endpoint.scanClient("default"), "default", 20, (s, rows, size) -> {
        }), "a listing with a short page in the middle would make its missing rows look deleted");
    }

    @Test
    void anInconsistentAnswerToTheConfirmationDeletesNothing() throws Exception {
        DeletionSweep sweep = start(MagentoStream.PRODUCTS, 20);
        Set<String> published = skus();
        store.catalog().deleteProduct(published.iterator().next());
        store.setInconsistentLists(InconsistentLists.NEGATIVE_TOTAL_COUNT);
        StoreSync sync = pass.sync("default", InMemoryStateStore.publishing(published));

        sweep.afterFullPass(sync);

        assertEquals(List.of(), pass.sink().deleted());
        assertTrue(sync.inconsistent(), "reported, and the pass not trusted");
    }

    @Test
    void nothingMissingAsksTheStoreNothing() throws Exception {
        DeletionSweep sweep = start(MagentoStream.PRODUCTS, 20);
        StoreSync sync = pass.sync("default", InMemoryStateStore.publishing(skus()));
        skus().forEach(sync.seenKeys()::add);

        sweep.afterFullPass(sync);

        assertEquals(0, store.requests().size());
        assertEquals(List.of(), pass.sink().deleted());
    }

    @Test
    void aMassDeletionIsConfirmedInChunksAndDeletedWhole() throws Exception {
        DeletionSweep sweep = start(MagentoStream.PRODUCTS, 400);
        Set<String> published = skus();
        List<String> gone = published.stream().filter(sku -> !ODD.contains(sku)).limit(320).toList();
        gone.forEach(store.catalog()::deleteProduct);
        StoreSync sync = pass.sync("default", InMemoryStateStore.publishing(published));

        sweep.afterFullPass(sync);

        assertEquals(new TreeSet<>(gone), new TreeSet<>(pass.sink().deleted()));
        assertEquals(320, pass.sink().deleted().size(), "each once");
        assertEquals(320, sync.deleted());
        // The pass saw nothing: every key of the state is a candidate, asked for once, at most 150 to a request.
        List<Integer> listed = confirmations("/V1/products").stream().filter(r -> r.filters("sku", "in"))
                .map(r -> r.query().get("searchCriteria[filterGroups][0][filters][0][value]").split(",").length).toList();
        long alone = confirmations("/V1/products").stream().filter(r -> r.filters("sku", "eq")).count();
        assertTrue(listed.size() >= 3 && listed.stream().allMatch(n -> n <= 150), "in lists of at most 150 SKUs: " + listed);
        assertEquals(published.size(), listed.stream().mapToInt(Integer::intValue).sum() + alone, "each candidate asked for once");
    }
}
