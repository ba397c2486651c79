package org.magentokafka.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.magentokafka.change.StateStore;
import org.magentokafka.paging.Paging;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.testing.InMemoryStateStore;
import org.magentokafka.testing.SandboxStreamContext;

/**
 * Which pass a poll makes of a store view: everything on a first sync, on a stream without timestamps and when the
 * products were asked for a full pass (in memory or recorded in their state); else the rows changed since the
 * watermark. A full pass walks by keyset only when configured and the stream has a numeric id.
 */
class PassPlannerTest {

    private static final String WATERMARK = "2026-03-10 11:59:00";

    private PassPlan plan(SandboxStreamContext endpoint, String store, StateStore state) {
        return new PassPlanner(endpoint).plan(store, state, false);
    }

    private static InMemoryStateStore synced() {
        InMemoryStateStore state = InMemoryStateStore.publishing(List.of("SKU-1", "SKU-2"));
        state.commitWatermark(WATERMARK);
        return state;
    }

    @Test
    void theFirstSyncOfAStoreViewReadsEverythingAndSaysItIsTheFirst() {
        PassPlan plan = plan(SandboxStreamContext.withoutStore(MagentoStream.PRODUCTS, "default"), "default", new InMemoryStateStore());

        assertEquals(PassPlan.Kind.FULL_BY_PAGE, plan.kind());
        assertTrue(plan.full());
        assertTrue(plan.initial(), "no watermark and no state: nothing to compare with, no other stream to signal");
    }

    @Test
    void aSyncedStoreViewReadsOnlyTheRowsChangedSinceItsWatermark() {
        PassPlan plan = plan(SandboxStreamContext.withoutStore(MagentoStream.PRODUCTS, "default"), "default", synced());

        assertEquals(PassPlan.Kind.INCREMENTAL, plan.kind());
        assertFalse(plan.full());
        assertFalse(plan.initial());
        assertEquals(0, plan.signals());
    }

    @Test
    void aStateWithoutAWatermarkIsReadWholeAgainButIsNotAFirstSync() {
        // A first full pass that published pages and never completed: its keys are there, its watermark is not.
        PassPlan plan = plan(SandboxStreamContext.withoutStore(MagentoStream.CATEGORIES, "default"), "default",
                InMemoryStateStore.publishing(List.of("3", "4")));

        assertEquals(PassPlan.Kind.FULL_BY_PAGE, plan.kind());
        assertFalse(plan.initial(), "what was published before is compared with, and its changes signalled");
    }

    @Test
    void streamsWithoutATimestampAreReadWholeOnEveryPoll() {
        for (MagentoStream scanned : List.of(MagentoStream.SOURCE_ITEMS, MagentoStream.PRODUCT_ATTRIBUTES)) {
            PassPlan plan = plan(SandboxStreamContext.withoutStore(scanned, "default"), "default", synced());
            assertEquals(PassPlan.Kind.FULL_BY_PAGE, plan.kind(), scanned + " has no change timestamp to filter on");
            assertFalse(plan.initial(), scanned.uriName());
        }
    }

    @Test
    void keysetPagingIsChosenForFullPassesOfStreamsWithANumericIdOnly() {
        for (MagentoStream stream : MagentoStream.values()) {
            SandboxStreamContext endpoint = SandboxStreamContext.withoutStore(stream, "default");
            endpoint.settings().paging = Paging.KEYSET;
            PassPlan.Kind expected = stream == MagentoStream.SOURCE_ITEMS ? PassPlan.Kind.FULL_BY_PAGE : PassPlan.Kind.FULL_BY_KEYSET;
            assertEquals(expected, plan(endpoint, "default", new InMemoryStateStore()).kind(), stream.uriName());
        }
        SandboxStreamContext products = SandboxStreamContext.withoutStore(MagentoStream.PRODUCTS, "default");
        products.settings().paging = Paging.KEYSET;
        assertEquals(PassPlan.Kind.INCREMENTAL, plan(products, "default", synced()).kind(),
                "keyset is how a full pass walks; a synced store view still reads its changes");
    }

    @Test
    void aCategoryOrAttributeChangeMakesTheNextProductsPassOfThatStoreViewFull() {
        SandboxStreamContext endpoint = SandboxStreamContext.withoutStore(MagentoStream.PRODUCTS, "default", "fr");
        endpoint.store().signals().metadataChanged("default");
        endpoint.store().signals().metadataChanged("default");

        PassPlan plan = plan(endpoint, "default", synced());
        assertEquals(PassPlan.Kind.FULL_BY_PAGE, plan.kind());
        assertFalse(plan.initial());
        assertEquals(2, plan.signals(), "the pass serves the requests it planned with, and only those");
        assertEquals(PassPlan.Kind.INCREMENTAL, plan(endpoint, "fr", synced()).kind(), "another store view was not asked");
    }

    @Test
    void aFullPassRecordedInTheProductsStateIsMadeAfterARestart() {
        InMemoryStateStore state = synced();
        state.requestFullPass(true);

        PassPlan plan = plan(SandboxStreamContext.withoutStore(MagentoStream.PRODUCTS, "default"), "default", state);
        assertEquals(PassPlan.Kind.FULL_BY_PAGE, plan.kind());
        assertEquals(0, plan.signals(), "no request of this process to serve: the recorded one is cleared with the pass");
    }

    @Test
    void onlyTheProductsActOnRequestsForAFullPass() {
        SandboxStreamContext categories = SandboxStreamContext.withoutStore(MagentoStream.CATEGORIES, "default");
        categories.store().signals().metadataChanged("default");
        InMemoryStateStore state = synced();
        state.requestFullPass(true);

        PassPlan plan = plan(categories, "default", state);
        assertEquals(PassPlan.Kind.INCREMENTAL, plan.kind());
        assertEquals(0, plan.signals());
    }

    @Test
    void aWaitingReconcileListingIsConfirmedByThePlannedPass() {
        SandboxStreamContext endpoint = SandboxStreamContext.withoutStore(MagentoStream.PRODUCTS, "default");
        assertTrue(new PassPlanner(endpoint).plan("default", synced(), true).reconcile());
        assertFalse(new PassPlanner(endpoint).plan("default", synced(), false).reconcile());
    }

    @Test
    void pagesHaveTheConfiguredSizeAndTheStreamsStableSortOrder() {
        SandboxStreamContext sourceItems = SandboxStreamContext.withoutStore(MagentoStream.SOURCE_ITEMS, "default");
        sourceItems.settings().pageSize = 250;

        Map<String, String> query = new HashMap<>();
        plan(sourceItems, "default", synced()).ascending().parameters().forEach(e -> query.put(e.getKey(), e.getValue()));
        assertEquals("250", query.get("searchCriteria[pageSize]"));
        assertEquals("sku", query.get("searchCriteria[sortOrders][0][field]"));
        assertEquals("ASC", query.get("searchCriteria[sortOrders][0][direction]"));
        assertEquals("source_code", query.get("searchCriteria[sortOrders][1][field]"),
                "a unique sort: no row moves between pages of an unchanged collection");
        assertEquals("ASC", query.get("searchCriteria[sortOrders][1][direction]"));
    }
}
