package org.magentokafka.consumer.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.client.MagentoException;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.sandbox.InconsistentLists;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.testing.LogLines;
import org.magentokafka.testing.PassFixture;
import org.magentokafka.testing.RecordingPageSink.HandedOver;
import org.magentokafka.testing.SandboxStreamContext;
import org.magentokafka.testing.SyncPages;

/**
 * A pass by page number over the simulator: page 1 gives total_count, the other pages are read ahead in parallel
 * and handed to the route in page order, every row once, and no page is asked for past what the answers bear out.
 */
class PageNumberReaderTest {

    private final LogLines log = LogLines.attach();
    private SandboxStore store;
    private SandboxStreamContext endpoint;
    private PassFixture pass;

    private void start(int products, int pageSize, int maxConcurrency) {
        pass = PassFixture.onNewStore(MagentoStream.PRODUCTS, products, s -> { }, settings -> {
            settings.pageSize = pageSize;
            settings.maxConcurrency = maxConcurrency;
        });
        store = pass.store();
        endpoint = pass.endpoint();
    }

    @AfterEach
    void stop() {
        log.close();
        if (pass != null) {
            pass.close();
        }
    }

    private static SearchCriteria byId(int pageSize) {
        return SearchCriteria.paged(pageSize).sortedBy("entity_id", "ASC");
    }

    private List<String> skusById() {
        return store.catalog().products().stream().sorted(Comparator.comparingLong(p -> p.get("id").asLong()))
                .map(p -> p.get("sku").asText()).toList();
    }

    private List<Integer> pagesAsked() {
        return SyncPages.of(store, "/V1/products").stream().map(SyncPages::pageNumber).sorted().toList();
    }

    @Test
    void everyRowIsHandedOverOnceInPageOrder() throws Exception {
        start(250, 100, 4);
        StoreSync sync = pass.sync("default");

        new PageNumberReader(pass.parts()).read(sync, byId(100), true, null);

        List<HandedOver> pages = pass.sink().pages();
        assertEquals(List.of(1, 2, 3), pages.stream().map(HandedOver::number).toList(), "handed over in page order");
        assertTrue(pages.stream().allMatch(p -> p.pageCount() == 3), "each page knows the pass has 3: " + pages);
        assertEquals(skusById(), pass.sink().keys(), "every product once, in the store's order");
        assertEquals(250, sync.items());
        assertFalse(sync.inconsistent());
        assertEquals(List.of(1, 2, 3), pagesAsked(), "each page asked for once");
    }

    @Test
    void aCollectionOfWholePagesIsNeverAskedForThePageAfterItsLast() throws Exception {
        // 200 rows of 50: the read-ahead (8 pages at a concurrency of 4) would reach page 9 without the count's bound;
        // Magento answers a page past the end with the last page again.
        start(200, 50, 4);

        new PageNumberReader(pass.parts()).read(pass.sync("default"), byId(50), true, null);

        assertEquals(List.of(1, 2, 3, 4), pagesAsked(), "ceil(200 / 50) pages and not one more");
        assertEquals(200, new HashSet<>(pass.sink().keys()).size());
    }

    @Test
    void aFullPassNotesEveryKeyForTheDeletesAndAWindowDoesNot() throws Exception {
        start(120, 50, 2);
        StoreSync full = pass.sync("default");
        new PageNumberReader(pass.parts()).read(full, byId(50), true, null);
        assertTrue(skusById().stream().allMatch(full.seenKeys()::contains), "a full pass saw every key");
        assertEquals(120, full.seenKeys().size());

        StoreSync window = pass.sync("default");
        new PageNumberReader(pass.parts()).read(window, byId(50), false, null);
        assertEquals(0, window.seenKeys().size(), "a window's keys say nothing about what is gone");
        assertEquals(120, window.items(), "its rows are handed over all the same");
    }

    @Test
    void anEmptyCollectionIsReportedOnceAndNothingIsHandedOver() throws Exception {
        start(0, 100, 4);

        new PageNumberReader(pass.parts()).read(pass.sync("default"), byId(100), true, null);
        new PageNumberReader(pass.parts()).read(pass.sync("default"), byId(100), true, null);

        assertEquals(List.of(), pass.sink().pages());
        assertEquals(List.of(1, 1), pagesAsked(), "page 1 of each pass, nothing past it");
        assertEquals(1, log.count(Pattern.compile("WARN .*magento:products GET \\S+ returned total_count=0: store view 'default' has no items")),
                "said once, not on every poll: " + log.text());
    }

    @Test
    void aPassThatPageOneDecidesToSkipAsksForNothingMore() throws Exception {
        start(250, 100, 4);
        List<Long> totals = new ArrayList<>();

        new PageNumberReader(pass.parts()).read(pass.sync("default"), byId(100), true, first -> totals.add(first.totalCount()));

        assertEquals(List.of(250L), totals, "the decision is taken on page 1's answer");
        assertEquals(List.of(), pass.sink().pages());
        assertEquals(List.of(1), pagesAsked());
    }

    @Test
    void aHugeTotalCountEndsThePassAtItsShortPageWithTheRowsShownAndNoWatermarkToTrust() throws Exception {
        start(250, 100, 1);
        store.setInconsistentLists(InconsistentLists.HUGE_TOTAL_COUNT);
        StoreSync sync = pass.sync("default");

        new PageNumberReader(pass.parts()).read(sync, byId(100), true, null);

        assertTrue(sync.inconsistent(), "the pass is not trusted: no watermark, no deletes");
        assertEquals(skusById(), pass.sink().keys(), "the rows the store showed are published, once each");
        int readAhead = 2;
        assertTrue(pagesAsked().size() <= 3 + readAhead, "the short page 3 and the pages already in flight, not 397,356: " + pagesAsked());
        assertEquals(1, log.count(Pattern.compile("WARN .*answered an inconsistent list")), log.text());
    }

    @Test
    void rowsCreatedDuringAFullPassMarkItsTotalAsChanged() throws Exception {
        start(250, 100, 1);
        store.requests().beforeAnswer(r -> {
            if (r.path().endsWith("/V1/products") && SyncPages.pageNumber(r) == 1) {
                store.catalog().addProduct("CREATED-DURING-THE-PASS", "Created while page 1 was answered", 5.0);
            }
        });
        StoreSync sync = pass.sync("default");

        new PageNumberReader(pass.parts()).read(sync, byId(100), true, null);

        assertTrue(sync.totalChanged(), "rows may have shifted past a page: the next poll reads the window again");
        assertFalse(sync.inconsistent(), "a moving count is a busy store, not nonsense");
    }

    @Test
    void aStopBetweenPagesFailsThePassInsteadOfCountingItDone() {
        start(250, 100, 1);
        pass.sink().afterEach(page -> pass.stop());
        StoreSync sync = pass.sync("default");

        MagentoException stopped = assertThrows(MagentoException.class,
                () -> new PageNumberReader(pass.parts()).read(sync, byId(100), true, null));

        assertTrue(stopped.getMessage().contains("stopped during a sync"), stopped.getMessage());
        assertEquals(List.of(1), pass.sink().pages().stream().map(HandedOver::number).toList(), "nothing after the stop");
    }

    @Test
    void aPacedScanIsToldTheStoreViewsSizeFromPageOne() throws Exception {
        start(250, 100, 4);
        List<String> sized = new ArrayList<>();
        StoreSync sync = pass.sync("default");
        sync.scan((store, rows, pageSize) -> sized.add(store + ": " + rows + " rows of " + pageSize));

        new PageNumberReader(pass.parts()).read(sync, byId(100), true, null);

        assertEquals(List.of("default: 250 rows of 100"), sized);
        assertEquals(250, pass.sink().keys().size());
    }
}
