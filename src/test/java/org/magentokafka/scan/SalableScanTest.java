package org.magentokafka.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.change.StateStore;
import org.magentokafka.consumer.CatalogSignals;
import org.magentokafka.consumer.CatalogSignalsDriver;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.testing.ManualRounds;
import org.magentokafka.testing.SandboxStreamContext;

/**
 * The salable-quantity scan's decisions, cycle by cycle: which websites it reads (those of the store views the
 * products consumer synced and enriches), the first cycle as a baseline, which SKUs it asks to be published again and
 * in which store views, and when a change counts as recorded (only once its products were published).
 */
class SalableScanTest {

    private static final String EXPORT = "/V1/inventory/export-stock-salable-qty/website/";

    private final AtomicBoolean running = new AtomicBoolean(true);
    private SandboxStore store;
    private SandboxStreamContext endpoint;
    private SalableScan scan;
    private ManualRounds cycles;

    /** Store views default and fr (website base) and eu (website europe). */
    private void start(StorefrontOptions storefront) {
        store = SandboxStore.start(SandboxOptions.builder().productCount(40).storeCodes(List.of("default", "fr"))
                .storefront(storefront).build());
        List<String> views = storefront.secondWebsite() ? List.of("default", "fr", "eu") : List.of("default", "fr");
        endpoint = new SandboxStreamContext(store, MagentoStream.PRODUCTS, views.toArray(String[]::new));
        views.forEach(signals()::register);
        scan = new SalableScan(endpoint, running::get, Duration.ofSeconds(6));
        scan.start(this);
        cycles = endpoint.rounds("MagentoSalableScan");
    }

    @AfterEach
    void stop() {
        if (scan != null) {
            scan.stop();
            endpoint.close();
            store.close();
        }
    }

    private CatalogSignals signals() {
        return endpoint.store().signals();
    }

    private StateStore salableStates(String website) {
        return endpoint.stateOf(SalableScan.STATE, website);
    }

    private long exportPages(String website) {
        return store.requests().all().stream().filter(r -> r.path().endsWith(EXPORT + website)).count();
    }

    /** A simple product of the base website (orders reserve simples), salable there. */
    private String simpleInBase() {
        return store.catalog().products().stream()
                .filter(p -> "simple".equals(p.get("type_id").asText()))
                .map(p -> p.get("sku").asText())
                .filter(sku -> store.catalog().storefront().websitesOf(sku).contains("base")
                               && store.catalog().storefront().salableQuantity(sku, "base").orElse(0.0) > 2)
                .findFirst().orElseThrow();
    }

    @Test
    void itStartsAtOnceAndPausesThePollIntervalBetweenCycles() {
        start(StorefrontOptions.defaults());

        assertEquals(Duration.ZERO, cycles.firstDelay(), "the baseline should follow the products' first sync closely");
        assertEquals(Duration.ofSeconds(6), cycles.pause());
    }

    @Test
    void noWebsiteIsReadBeforeTheProductsOfOneOfItsStoreViewsSynced() {
        start(StorefrontOptions.defaults());

        cycles.runRound();

        assertEquals(0, exportPages("base"), "its baseline must follow the events it is compared with");
    }

    @Test
    void aStoreViewWhoseRoutePublishesRawProductsIsNotScanned() {
        start(StorefrontOptions.defaults());
        endpoint.servesStorefront("default", false);
        endpoint.servesStorefront("fr", false);
        scan.ready("default");
        scan.ready("fr");

        cycles.runRound();

        assertEquals(0, exportPages("base"), "no salable quantities in its events: nothing to keep fresh");
    }

    @Test
    void theFirstCycleIsABaselineThatAsksForNothing() {
        start(StorefrontOptions.defaults());
        scan.ready("default");

        cycles.runRound();

        assertEquals(1, exportPages("base"));
        StateStore states = salableStates("base");
        assertNotNull(states.watermark(), "the baseline is taken: the next cycle compares");
        String sku = simpleInBase();
        assertTrue(states.version(sku).live(), "every SKU's salable state is recorded");
        assertEquals(Set.of(), CatalogSignalsDriver.takeWaiting(signals(), "default"), "the first sync published them all already");
    }

    @Test
    void anOrderAsksForExactlyItsSkuInEveryStoreViewOfItsWebsiteAndOneReadOfThatWebsite() {
        start(StorefrontOptions.full());
        scan.ready("default");
        scan.ready("fr");
        scan.ready("eu");
        cycles.runRound();
        String sku = simpleInBase();
        store.catalog().storefront().placeOrder(sku, "base", 1);
        long before = exportPages("base");

        cycles.runRound();

        assertEquals(1, exportPages("base") - before, "one read of the website for its two store views");
        assertEquals(Set.of(sku), CatalogSignalsDriver.takeWaiting(signals(), "default"));
        assertEquals(Set.of(sku), CatalogSignalsDriver.takeWaiting(signals(), "fr"));
        assertEquals(Set.of(), CatalogSignalsDriver.takeWaiting(signals(), "eu"), "another website's stock did not move");
    }

    @Test
    void aChangeIsRecordedOnlyOnceItsProductsWerePublished() {
        start(StorefrontOptions.defaults());
        scan.ready("default");
        cycles.runRound();
        String sku = simpleInBase();
        Long baseline = salableStates("base").hash(sku);
        store.catalog().storefront().placeOrder(sku, "base", 1);

        cycles.runRound();
        cycles.runRound();
        assertEquals(baseline, salableStates("base").hash(sku), "not published yet: a crash now must find the change again");
        assertTrue(signals().awaiting("default", sku));

        assertEquals(Set.of(sku), CatalogSignalsDriver.publishWaiting(signals(), "default"));
        cycles.runRound();

        assertFalse(baseline.equals(salableStates("base").hash(sku)), "published: the new salable state is recorded");
        assertFalse(signals().awaiting("default", sku), "and not asked for again");
    }

    @Test
    void aSkuGoneFromTheWebsitesStockIsAskedForAgain() {
        start(StorefrontOptions.full());
        scan.ready("default");
        cycles.runRound();
        String sku = simpleInBase();
        store.catalog().storefront().setWebsites(sku, "europe");

        cycles.runRound();

        assertEquals(Set.of(sku), CatalogSignalsDriver.takeWaiting(signals(), "default"), "no longer salable in base");
    }

    @Test
    void aStoreWithoutInventoryModulesIsNotScanned() {
        start(StorefrontOptions.defaults().withInventoryModules(false));
        scan.ready("default");

        cycles.runRound();

        assertEquals(0, exportPages("base"), "no stock, no reservations: the events use the source items");
        assertEquals(Set.of(), CatalogSignalsDriver.takeWaiting(signals(), "default"));
    }

    @Test
    void anUnexpectedFailureDoesNotEndTheSchedule() {
        start(StorefrontOptions.defaults());
        scan.ready("default");
        endpoint.scanClientsFailWith(new IllegalStateException("a bug"));
        cycles.runRound();
        assertEquals(0, exportPages("base"));

        endpoint.scanClientsFailWith(null);
        cycles.runRound();
        assertEquals(1, exportPages("base"), "the next cycle ran");
    }
}
