package org.magentokafka.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.change.KeyFingerprints;
import org.magentokafka.consumer.DeletionSweep;
import org.magentokafka.sandbox.InconsistentLists;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.testing.ManualRounds;
import org.magentokafka.testing.PassFixture;
import org.magentokafka.testing.SandboxStreamContext;

/**
 * The keys-only reconcile sweep as a background scan: one sweep per reconcile interval, listing only the store
 * views whose state was synced, handing each completed listing to the poll once; a listing that failed or could not
 * be true hands over nothing, and the schedule goes on.
 */
class ReconcileScanTest {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private SandboxStore store;
    private SandboxStreamContext endpoint;
    private PassFixture pass;
    private ReconcileScan scan;
    private ManualRounds sweeps;

    @BeforeEach
    void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(45).storeCodes(List.of("default", "fr")).build());
        endpoint = new SandboxStreamContext(store, MagentoStream.PRODUCTS, "default", "fr");
        endpoint.settings().reconcileInterval = Duration.ofMinutes(10);
        endpoint.settings().scanPageSize = 20;
        pass = new PassFixture(endpoint);
        scan = new ReconcileScan(endpoint, new DeletionSweep(pass.parts()), running::get);
        scan.start(this);
        sweeps = endpoint.rounds("MagentoReconcile");
    }

    @AfterEach
    void stop() {
        scan.stop();
        pass.close();
        endpoint.close();
        store.close();
    }

    private long listingsOf(String storeCode) {
        return store.requests().matching("/V1/products").stream()
                .filter(r -> r.path().startsWith("/rest/" + storeCode + "/") && "items[sku],total_count".equals(r.query().get("fields")))
                .count();
    }

    @Test
    void theFirstSweepComesOneIntervalAfterTheStartAndEachNextOneIntervalAfterTheLast() {
        assertEquals(Duration.ofMinutes(10), sweeps.firstDelay(), "a sweep right at the start would list what the first sync reads anyway");
        assertEquals(Duration.ofMinutes(10), sweeps.pause());
    }

    @Test
    void onlyStoreViewsWhoseStateWasSyncedAreListed() {
        sweeps.runRound();
        assertEquals(0, store.requests().size(), "nothing synced yet: a listing has no state to be compared with");

        scan.ready("default");
        sweeps.runRound();

        assertTrue(scan.waiting("default"));
        assertFalse(scan.waiting("fr"));
        assertEquals(3, listingsOf("default"), "ceil(45 / 20) keys-only pages at the scan page size");
        assertEquals(0, listingsOf("fr"));
    }

    @Test
    void aCompletedListingIsHandedToThePollOnce() {
        scan.ready("default");
        sweeps.runRound();

        KeyFingerprints listed = scan.take("default");
        assertNotNull(listed);
        assertEquals(45, listed.size());
        store.catalog().products().forEach(p -> assertTrue(listed.contains(p.get("sku").asText())));
        assertFalse(scan.waiting("default"));
        assertNull(scan.take("default"), "confirmed once: the next listing comes with the next sweep");
    }

    @Test
    void aListingThatCannotBeTrueIsNotHandedOver() {
        scan.ready("default");
        store.setInconsistentLists(InconsistentLists.SHORT_PAGE_IN_THE_MIDDLE);
        sweeps.runRound();

        assertFalse(scan.waiting("default"), "its missing rows would look deleted");
    }

    @Test
    void aFailedSweepHandsOverNothingAndTheNextSweepListsAgain() {
        scan.ready("default");
        store.stop();
        sweeps.runRound();
        assertFalse(scan.waiting("default"));

        store.restart();
        sweeps.runRound();
        assertTrue(scan.waiting("default"), "the schedule went on after the failure");
    }

    @Test
    void aStoppingConsumerSweepsNothing() {
        scan.ready("default");
        running.set(false);
        sweeps.runRound();

        assertEquals(0, store.requests().size());
        assertFalse(scan.waiting("default"));
    }

    @Test
    void aSweepCountsAmongTheStoresScansOnlyWhileItLists() {
        endpoint.scanBudget(1000);
        scan.ready("default");
        List<Integer> sharing = new ArrayList<>();
        store.requests().beforeAnswer(r -> sharing.add(endpoint.scanBudget().scans()));

        sweeps.runRound();

        assertEquals(List.of(1, 1, 1), sharing, "one scan shares the budget while each page is asked for");
        assertEquals(0, endpoint.scanBudget().scans(), "and none once the sweep ended");
    }

    @Test
    void anUnexpectedFailureDoesNotEndTheSchedule() {
        scan.ready("default");
        endpoint.scanClientsFailWith(new IllegalStateException("a bug"));
        sweeps.runRound();
        assertFalse(scan.waiting("default"));

        endpoint.scanClientsFailWith(null);
        sweeps.runRound();
        assertTrue(scan.waiting("default"), "the next sweep ran and listed");
    }
}
