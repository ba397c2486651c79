package org.magentokafka.consumer.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.paging.Paging;
import org.magentokafka.sandbox.InconsistentLists;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.testing.LogLines;
import org.magentokafka.testing.PassFixture;
import org.magentokafka.testing.RecordingPageSink.HandedOver;
import org.magentokafka.testing.SandboxStreamContext;
import org.magentokafka.testing.SyncPages;

/**
 * A full pass by keyset over the simulator: page 1 by id, the highest id, then one id range per concurrent
 * request, each read as {@code id > cursor AND id <= upper} at page 1 only; every row once, the last range open so
 * rows created during the pass are read too.
 */
class KeysetReaderTest {

    private static final String ID_FILTER = "searchCriteria[filterGroups][0][filters][0]";
    private static final String UPPER_FILTER = "searchCriteria[filterGroups][1][filters][0]";

    private final LogLines log = LogLines.attach();
    private SandboxStore store;
    private SandboxStreamContext endpoint;
    private PassFixture pass;

    private void start(int products, int pageSize, int maxConcurrency) {
        pass = PassFixture.onNewStore(MagentoStream.PRODUCTS, products, s -> { }, settings -> {
            settings.pageSize = pageSize;
            settings.maxConcurrency = maxConcurrency;
            settings.paging = Paging.KEYSET;
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

    private Set<String> skus() {
        return pass.skus();
    }

    private List<LoggedRequest> rangePages() {
        return SyncPages.of(store, "/V1/products").stream().filter(r -> r.query().containsKey(ID_FILTER + "[field]")).toList();
    }

    @Test
    void everyRowIsHandedOverExactlyOnceInPagesNumberedAsTheyArrive() throws Exception {
        start(1000, 50, 4);
        StoreSync sync = pass.sync("default");

        new KeysetReader(pass.parts()).read(sync);

        List<String> keys = pass.sink().keys();
        assertEquals(skus(), new TreeSet<>(keys), "every product");
        assertEquals(1000, keys.size(), "and each once");
        List<Integer> numbers = pass.sink().pages().stream().map(HandedOver::number).toList();
        assertEquals(1, numbers.get(0));
        for (int i = 1; i < numbers.size(); i++) {
            assertEquals(numbers.get(i - 1) + 1, numbers.get(i), "numbered in the order handed over: " + numbers);
        }
        assertTrue(pass.sink().pages().stream().allMatch(p -> p.pageCount() >= p.number()), "never page n of fewer than n");
        assertEquals(1000, sync.seenKeys().size(), "a full pass: every key noted for the deletes");
        assertFalse(sync.inconsistent());
    }

    @Test
    void eachRequestIsPageOneOfAnIdRangeAndTheRangesSplitTheIdsAfterPageOne() throws Exception {
        start(1000, 50, 4);

        new KeysetReader(pass.parts()).read(pass.sync("default"));

        List<LoggedRequest> all = store.requests().matching("/V1/products");
        assertTrue(all.stream().allMatch(r -> "1".equals(r.query().get("searchCriteria[currentPage]"))),
                "keyset never asks for a deep page");
        LoggedRequest first = all.get(0);
        assertFalse(first.query().containsKey(ID_FILTER + "[field]"), "page 1 has no id bound");
        assertEquals("entity_id", first.query().get("searchCriteria[sortOrders][0][field]"));
        assertEquals(1, all.stream().filter(r -> "1".equals(r.query().get("searchCriteria[pageSize]"))
                                                 && "DESC".equals(r.query().get("searchCriteria[sortOrders][0][direction]"))).count(),
                "one request for the highest id");

        List<LoggedRequest> ranges = rangePages();
        assertTrue(ranges.stream().allMatch(r -> "entity_id".equals(r.query().get(ID_FILTER + "[field]"))
                                                 && "gt".equals(r.query().get(ID_FILTER + "[conditionType]"))), "id > cursor");
        Set<String> uppers = new TreeSet<>();
        ranges.forEach(r -> uppers.add(r.query().getOrDefault(UPPER_FILTER + "[value]", "open")));
        assertEquals(4, uppers.size(), "one range per concurrent request, three bounded and the last open: " + uppers);
        assertTrue(uppers.contains("open"));
        assertTrue(ranges.stream().filter(r -> r.query().containsKey(UPPER_FILTER + "[field]"))
                        .allMatch(r -> "lteq".equals(r.query().get(UPPER_FILTER + "[conditionType]"))), "id <= upper");
        int pages = 1000 / 50;
        assertTrue(ranges.size() + 1 >= pages && ranges.size() + 1 <= pages + 4,
                "about one request per page, at most one short page per range: " + (ranges.size() + 1));
    }

    @Test
    void aCollectionThatFitsOnPageOneCostsOneRequest() throws Exception {
        start(40, 50, 4);

        new KeysetReader(pass.parts()).read(pass.sync("default"));

        assertEquals(1, store.requests().matching("/V1/products").size(), "no highest id, no ranges");
        assertEquals(40, pass.sink().keys().size());
    }

    @Test
    void aRowCreatedDuringThePassAboveTheHighestIdIsReadByTheOpenLastRange() throws Exception {
        start(300, 50, 3);
        String created = "CREATED-AFTER-THE-HIGHEST-ID";
        store.requests().beforeAnswer(r -> {
            if ("DESC".equals(r.query().get("searchCriteria[sortOrders][0][direction]"))) {
                store.catalog().addProduct(created, "Created once the highest id was answered", 5.0);
            }
        });

        new KeysetReader(pass.parts()).read(pass.sync("default"));

        assertTrue(pass.sink().keys().contains(created), "the open last range reads past the highest id it was told");
        assertEquals(301, new HashSet<>(pass.sink().keys()).size());
        assertEquals(301, pass.sink().keys().size());
    }

    @Test
    void anEmptyCollectionIsReportedAndNothingIsHandedOver() throws Exception {
        start(0, 50, 4);

        new KeysetReader(pass.parts()).read(pass.sync("default"));

        assertEquals(List.of(), pass.sink().pages());
        assertEquals(1, store.requests().matching("/V1/products").size());
        assertEquals(1, log.count(Pattern.compile("WARN .*returned total_count=0: store view 'default' has no items")), log.text());
    }

    @Test
    void aHugeTotalCountIsNotBelievedTheRangesEndOnTheirShortPages() throws Exception {
        // Ranges of 105 ids read in pages of 40: each ends on a short page.
        start(250, 40, 2);
        store.setInconsistentLists(InconsistentLists.HUGE_TOTAL_COUNT);
        StoreSync sync = pass.sync("default");

        new KeysetReader(pass.parts()).read(sync);

        List<String> keys = new ArrayList<>(pass.sink().keys());
        assertEquals(skus(), new TreeSet<>(keys), "every product, read up to the short pages");
        assertEquals(250, keys.size());
        assertTrue(sync.inconsistent(), "a count that contradicts the items is reported and the pass not trusted");
        assertTrue(store.requests().matching("/V1/products").size() <= 250 / 40 + 2 + 2 * 2,
                "a handful of requests, not 794,712 pages: " + store.requests().matching("/V1/products").size());
    }
}
