package org.magentokafka.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.consumer.CatalogSignalsDriver;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.testing.ManualRounds;
import org.magentokafka.testing.SandboxStreamContext;

/**
 * When the price pass lists the products whose special price window opened or closed, and what it hands on: once
 * per store view right after that store view's midnight (its own time zone, not UTC's), for the days since the last
 * one covered (a week back after a restart), never again the same day, and again on the next check when it failed.
 * The connector's clock starts on 2026-03-10 12:00 UTC (06:00 in the default store view's Chicago).
 */
class PricePassTest {

    private static final String OPENING = "OPENS-ON-THE-11TH";
    private static final String CLOSING = "CLOSED-AFTER-THE-10TH";
    private static final String LATER = "OPENS-ON-THE-20TH";
    private static final String EARLIER = "OPENED-ON-THE-5TH";

    private final AtomicBoolean running = new AtomicBoolean(true);
    private SandboxStore store;
    private SandboxStreamContext endpoint;
    private PricePass pass;
    private ManualRounds checks;

    private void start(SandboxOptions.Builder options, String... views) {
        store = SandboxStore.start(options.productCount(10).storeCodes(List.of("default")).build());
        for (String sku : List.of(OPENING, CLOSING, LATER, EARLIER)) {
            store.catalog().addProduct(sku, sku, 20.0);
        }
        store.catalog().storefront().setSpecialPrice(OPENING, 15.0, LocalDate.parse("2026-03-11"), null);
        store.catalog().storefront().setSpecialPrice(CLOSING, 15.0, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-10"));
        store.catalog().storefront().setSpecialPrice(LATER, 15.0, LocalDate.parse("2026-03-20"), null);
        store.catalog().storefront().setSpecialPrice(EARLIER, 15.0, LocalDate.parse("2026-03-05"), null);
        endpoint = new SandboxStreamContext(store, MagentoStream.PRODUCTS, views);
        for (String view : views) {
            endpoint.store().signals().register(view);
        }
        endpoint.settings().pricePassCheckInterval = Duration.ofMinutes(1);
        pass = new PricePass(endpoint, running::get);
        pass.start(this);
        checks = endpoint.rounds("MagentoPricePass");
    }

    private void start() {
        start(SandboxOptions.builder(), "default");
    }

    @AfterEach
    void stop() {
        if (pass != null) {
            pass.stop();
            endpoint.close();
            store.close();
        }
    }

    private void clockAt(String instant) {
        endpoint.wallClock().advance(Duration.between(endpoint.wallClock().instant(), Instant.parse(instant)));
    }

    /** The price pass's searches (keys only) in a store view. */
    private List<LoggedRequest> searches(String view) {
        return store.requests().matching("/V1/products").stream()
                .filter(r -> r.path().startsWith("/rest/" + view + "/") && "items[sku],total_count".equals(r.query().get("fields")))
                .toList();
    }

    private Set<String> handedOn(String view) {
        return CatalogSignalsDriver.takeWaiting(endpoint.store().signals(), view);
    }

    @Test
    void theStoreViewIsCheckedEveryCheckInterval() {
        start();

        assertEquals(Duration.ofMinutes(1), checks.firstDelay());
        assertEquals(Duration.ofMinutes(1), checks.pause());
    }

    @Test
    void afterAFirstSyncTheFirstPassComesAfterTheStoreViewsMidnightAndListsThatDaysWindowsOnly() {
        start();
        pass.ready("default", true);

        checks.runRound();
        assertEquals(List.of(), searches("default"), "the first sync read today's prices");

        clockAt("2026-03-11T04:00:00Z");
        checks.runRound();
        assertEquals(List.of(), searches("default"), "UTC's midnight passed, Chicago's (23:00 on the 10th) did not");

        clockAt("2026-03-11T06:00:00Z");
        checks.runRound();
        assertEquals(Set.of(OPENING, CLOSING), handedOn("default"), "a window opening on the 11th, one closed after the 10th");
        List<LoggedRequest> searched = searches("default");
        assertEquals(2, searched.size(), "opening and closing windows: two searches of one page each: " + searched);
        assertTrue(searched.stream().anyMatch(r -> r.query().containsValue("special_from_date")
                                                   && r.query().containsValue("2026-03-11 00:00:00")
                                                   && r.query().containsValue("2026-03-11 23:59:59")), searched.toString());
    }

    @Test
    void aDayIsCoveredOnceNotAtEveryCheck() {
        start();
        pass.ready("default", true);
        clockAt("2026-03-11T06:00:00Z");
        checks.runRound();
        int searched = searches("default").size();
        handedOn("default");

        clockAt("2026-03-11T20:00:00Z");
        checks.runRound();

        assertEquals(searched, searches("default").size(), "the 11th is covered");
        assertEquals(Set.of(), handedOn("default"));
    }

    @Test
    void afterARestartThePassLooksBackAWeekForMidnightsItSleptThrough() {
        start();
        pass.ready("default", false);
        clockAt("2026-03-11T06:00:00Z");

        checks.runRound();

        assertEquals(Set.of(OPENING, CLOSING, EARLIER), handedOn("default"), "opened on the 5th while nobody looked");
        assertTrue(searches("default").stream().anyMatch(r -> r.query().containsValue("special_from_date")
                                                              && r.query().containsValue("2026-03-04 00:00:00")),
                "the days after the 3rd: a week before the day it synced, the 10th: " + searches("default"));
    }

    @Test
    void eachStoreViewTurnsItsDayAtItsOwnMidnight() {
        start(SandboxOptions.builder().storefront(StorefrontOptions.defaults().withSecondWebsite(true)), "default", "eu");
        pass.ready("default", true);
        pass.ready("eu", true);

        // 00:30 on the 11th in Berlin, 18:30 on the 10th in Chicago.
        clockAt("2026-03-10T23:30:00Z");
        checks.runRound();

        assertEquals(2, searches("eu").size());
        assertEquals(List.of(), searches("default"));
    }

    @Test
    void aFailedPassKeepsItsDaysForTheNextCheck() {
        start();
        pass.ready("default", true);
        checks.runRound();
        store.stop();
        clockAt("2026-03-11T06:00:00Z");

        checks.runRound();
        assertEquals(Set.of(), handedOn("default"));

        store.restart();
        clockAt("2026-03-11T06:01:00Z");
        checks.runRound();
        assertEquals(Set.of(OPENING, CLOSING), handedOn("default"), "the 11th was not covered by the failed pass");
    }

    @Test
    void aStoreViewWhoseEventsCarryNoPricesHasNoPass() {
        start(SandboxOptions.builder().grantedResources(SandboxOptions.SETUP_GUIDE_RESOURCES), "default");
        pass.ready("default", true);
        clockAt("2026-03-11T06:00:00Z");

        checks.runRound();

        assertEquals(List.of(), searches("default"), "no store configs granted: the events have no prices to refresh");
    }

    @Test
    void noPassBeforeTheProductsSyncedNorForARouteThatPublishesRawProducts() {
        start();
        clockAt("2026-03-11T06:00:00Z");
        checks.runRound();
        assertEquals(0, store.requests().size(), "not synced yet");

        endpoint.servesStorefront("default", false);
        pass.ready("default", true);
        clockAt("2026-03-12T06:00:00Z");
        checks.runRound();
        assertEquals(0, store.requests().size(), "its events carry no final prices");
    }

    @Test
    void anUnexpectedFailureDoesNotEndTheSchedule() {
        start();
        pass.ready("default", true);
        clockAt("2026-03-11T06:00:00Z");
        endpoint.scanClientsFailWith(new IllegalStateException("a bug"));
        checks.runRound();
        assertEquals(Set.of(), handedOn("default"));

        endpoint.scanClientsFailWith(null);
        checks.runRound();
        assertEquals(Set.of(OPENING, CLOSING), handedOn("default"), "the next check made the pass");
    }
}
