package org.magentokafka.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.consumer.CatalogSignals;
import org.magentokafka.consumer.CatalogSignalsDriver;
import org.magentokafka.sandbox.AclResources;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.testing.LogLines;
import org.magentokafka.testing.ManualRounds;
import org.magentokafka.testing.StockPicks;
import org.magentokafka.testing.SandboxStreamContext;

/**
 * The stock index pass, cycle by cycle, on Magento's facts about {@code dump-stock-index-data}: one request per
 * website however many products, quantities summed over the stock's sources without reservations, and a salable
 * flag that turns false once orders sold a product out. What a cycle asks the products consumer to publish again,
 * and what a store without the grant or the modules gets instead.
 */
class StockIndexPassTest {

    private static final String DUMP = "/V1/inventory/dump-stock-index-data/website/";

    private final AtomicBoolean running = new AtomicBoolean(true);
    private SandboxStore store;
    private SandboxStreamContext endpoint;
    private StockIndexPass pass;
    private ManualRounds cycles;

    private void start(SandboxOptions.Builder options, StorefrontOptions storefront) {
        store = SandboxStore.start(options.productCount(40).storeCodes(List.of("default", "fr")).storefront(storefront).build());
        List<String> views = storefront.secondWebsite() ? List.of("default", "fr", "eu") : List.of("default", "fr");
        endpoint = new SandboxStreamContext(store, MagentoStream.PRODUCTS, views.toArray(String[]::new));
        views.forEach(signals()::register);
        pass = new StockIndexPass(endpoint, running::get, Duration.ofSeconds(60));
        pass.start(this);
        cycles = endpoint.rounds("MagentoStockIndex");
    }

    private void start(StorefrontOptions storefront) {
        start(SandboxOptions.builder(), storefront);
    }

    @AfterEach
    void stop() {
        if (pass != null) {
            pass.stop();
            endpoint.close();
            store.close();
        }
    }

    private CatalogSignals signals() {
        return endpoint.store().signals();
    }

    private long dumps(String website) {
        return store.requests().all().stream().filter(r -> r.path().endsWith(DUMP + website)).count();
    }

    @Test
    void itStartsAtOnceAndPausesItsIntervalBetweenCycles() {
        start(StorefrontOptions.defaults());

        assertEquals(Duration.ZERO, cycles.firstDelay());
        assertEquals(Duration.ofSeconds(60), cycles.pause());
    }

    @Test
    void theFirstCycleIsABaselineOfOneRequestThatAsksForNothing() {
        start(StorefrontOptions.defaults());
        pass.ready("default");
        pass.ready("fr");

        cycles.runRound();

        assertEquals(1, dumps("base"), "the whole website in one answer, for both its store views");
        assertNotNull(endpoint.stateOf(StockIndexPass.STATE, "base").watermark(), "the baseline is taken");
        assertEquals(Set.of(), CatalogSignalsDriver.takeWaiting(signals(), "default"));
        assertTrue(endpoint.signalStatus(StockIndexPass.STATUS).lastSuccess() != null, "its freshness counts from this cycle");
    }

    @Test
    void aSourceItemChangeAsksForItsProductInEveryStoreViewOfTheWebsiteWithinOneCycle() {
        start(StorefrontOptions.full());
        pass.ready("default");
        pass.ready("fr");
        pass.ready("eu");
        cycles.runRound();
        ObjectNode item = StockPicks.salableSourceItem(store, "base", s -> false);
        String sku = item.get("sku").asText();
        store.catalog().setSourceItemQuantity(sku, item.get("source_code").asText(), item.get("quantity").asDouble() - 1);

        cycles.runRound();

        assertEquals(2, dumps("base"), "one request a cycle");
        assertEquals(Set.of(sku), CatalogSignalsDriver.takeWaiting(signals(), "default"));
        assertEquals(Set.of(sku), CatalogSignalsDriver.takeWaiting(signals(), "fr"));
        assertEquals(Set.of(), CatalogSignalsDriver.takeWaiting(signals(), "eu"), "another website's stock did not move");
    }

    @Test
    void anOrderShowsOnlyOnceItSellsTheProductOut() {
        start(StorefrontOptions.defaults());
        pass.ready("default");
        cycles.runRound();
        String sku = StockPicks.salableSourceItem(store, "base", s -> false).get("sku").asText();
        double salable = store.catalog().storefront().salableQuantity(sku, "base").orElseThrow();

        store.catalog().storefront().placeOrder(sku, "base", 1);
        cycles.runRound();
        assertEquals(Set.of(), CatalogSignalsDriver.takeWaiting(signals(), "default"),
                "the index's quantity has no reservations: an order that leaves stock is not in it");

        store.catalog().storefront().placeOrder(sku, "base", salable - 1);
        cycles.runRound();
        assertEquals(Set.of(sku), CatalogSignalsDriver.takeWaiting(signals(), "default"), "sold out: its salable flag turned false");
    }

    @Test
    void aChangeIsRecordedOnlyOnceItsProductsWerePublished() {
        start(StorefrontOptions.defaults());
        pass.ready("default");
        cycles.runRound();
        ObjectNode item = StockPicks.salableSourceItem(store, "base", s -> false);
        String sku = item.get("sku").asText();
        Long baseline = endpoint.stateOf(StockIndexPass.STATE, "base").hash(sku);
        store.catalog().setSourceItemQuantity(sku, item.get("source_code").asText(), item.get("quantity").asDouble() + 5);

        cycles.runRound();
        cycles.runRound();
        assertEquals(baseline, endpoint.stateOf(StockIndexPass.STATE, "base").hash(sku), "a crash now must find it again");

        assertEquals(Set.of(sku), CatalogSignalsDriver.publishWaiting(signals(), "default"));
        cycles.runRound();

        assertFalse(baseline.equals(endpoint.stateOf(StockIndexPass.STATE, "base").hash(sku)), "published: recorded");
        assertFalse(signals().awaiting("default", sku));
    }

    @Test
    void aStoreWithoutTheStockGrantIsSaidOnceAndLeftToThePacedScans() {
        try (LogLines log = LogLines.attach()) {
            start(SandboxOptions.builder().grantedResources(Set.of(AclResources.PRODUCTS, AclResources.INVENTORY_SOURCE,
                    AclResources.STORE)), StorefrontOptions.defaults());
            pass.ready("default");

            cycles.runRound();
            cycles.runRound();

            assertEquals(0, dumps("base"), "the scope names no stock: nothing to ask");
            assertEquals(1, log.count(Pattern.compile("stock index: .*stock changes are found by the paced scans")), log.text());
            assertFalse(endpoint.signalStatus(StockIndexPass.STATUS).running(), "not judged stale while the scans stand in");
        }
    }

    @Test
    void aStoreWithoutInventoryModulesIsSaidOnce() {
        try (LogLines log = LogLines.attach()) {
            start(StorefrontOptions.defaults().withInventoryModules(false));
            pass.ready("default");

            cycles.runRound();
            cycles.runRound();

            assertEquals(0, dumps("base"));
            assertEquals(1, log.count(Pattern.compile("stock index: .*paced scans")), log.text());
        }
    }

    @Test
    void aFailedCycleStopsTheSourceItemScanFromRelyingOnTheIndex() {
        start(StorefrontOptions.defaults());
        pass.ready("default");
        cycles.runRound();
        assertTrue(signals().stockIndexServes(), "a complete cycle: the source-items scan may pause");

        endpoint.scanClientsFailWith(new IllegalStateException("a bug"));
        cycles.runRound();

        assertFalse(signals().stockIndexServes(), "a cycle that found nothing: every source-items poll is a full cycle again");
    }

    @Test
    void aTransientFailureIsRetriedNextCycleAndSaidOnce() {
        try (LogLines log = LogLines.attach()) {
            start(StorefrontOptions.defaults());
            pass.ready("default");
            endpoint.scanClientsFailWith(new IllegalStateException("a bug"));
            cycles.runRound();
            cycles.runRound();
            assertEquals(1, log.count(Pattern.compile("stock index failed: unexpected failure")), log.text());

            endpoint.scanClientsFailWith(null);
            cycles.runRound();

            assertEquals(1, dumps("base"), "the schedule goes on");
            assertEquals(1, log.count(Pattern.compile("stock index works again")), log.text());
        }
    }
}
