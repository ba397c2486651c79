package org.magentokafka.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/** Which pages a page-number pass requests, and when it stops trusting the answers, for stores sane and not. */
class PageBoundsTest {

    private static final int SIZE = 100;
    private static final int READ_AHEAD = 8;

    /** One list answer: its total_count and its items' keys. */
    private record Answer(long total, List<String> keys) {
    }

    /** What a pass did: the highest page it requested, the pages it read, and how it ended. */
    private record Walk(int highestRequested, int pagesRead, PageBounds bounds) {
    }

    /** Drives the bounds as the consumer does: read page n, then request up to the limit, until nothing is left. */
    private static Walk walk(IntFunction<Answer> store) {
        PageBounds bounds = new PageBounds(SIZE, READ_AHEAD);
        int highest = 1;
        int read = 0;
        do {
            Answer answer = store.apply(++read);
            bounds.accept(answer.total(), answer.keys());
            highest = Math.max(highest, bounds.requestLimit());
        } while (bounds.hasMore());
        return new Walk(highest, read, bounds);
    }

    /** A store of {@code rows} items that answers with {@code total} and clamps pages past the end to the last one. */
    private static IntFunction<Answer> clampingStore(int rows, long total) {
        return page -> {
            int last = Math.max(1, (rows + SIZE - 1) / SIZE);
            int served = Math.min(page, last);
            return new Answer(total, keys((served - 1) * SIZE, Math.min(rows, served * SIZE)));
        };
    }

    private static List<String> keys(int from, int to) {
        List<String> keys = new ArrayList<>();
        for (int i = from; i < to; i++) {
            keys.add("sku-" + i);
        }
        return keys;
    }

    @Test
    void aConsistentStoreIsReadToItsLastPageAndNeverPastIt() {
        Walk walk = walk(clampingStore(250, 250));
        assertTrue(walk.bounds().consistent());
        assertEquals(3, walk.pagesRead());
        assertEquals(3, walk.highestRequested(), "ceil(250 / 100) pages, no more");
    }

    @Test
    void readAheadIsBoundedByThePagesAlreadyAccepted() {
        Walk walk = walk(clampingStore(5_000, 5_000));
        assertEquals(50, walk.pagesRead());
        PageBounds bounds = new PageBounds(SIZE, READ_AHEAD);
        bounds.accept(5_000, keys(0, SIZE));
        assertEquals(1 + READ_AHEAD, bounds.requestLimit(), "page 1 justifies the read-ahead window, not page 50");
    }

    @Test
    void aHugeTotalCountWithAShortPageEndsThePassAtThatPage() {
        Walk walk = walk(clampingStore(40, 39_735_576));
        assertEquals(1, walk.pagesRead());
        assertEquals(1, walk.highestRequested(), "no page beyond the short first one is asked for");
        assertEquals(PageBounds.Kind.SHORT_PAGE, walk.bounds().problem().kind());
        assertTrue(walk.bounds().problem().detail().contains("397356"), walk.bounds().problem().detail());
    }

    @Test
    void aHugeTotalCountOverFullPagesStopsAtTheFirstRepeatedPage() {
        Walk walk = walk(clampingStore(300, 39_735_576));
        assertEquals(4, walk.pagesRead(), "page 4 repeats page 3 and ends the pass");
        assertTrue(walk.bounds().repeated(), "the repeat itself carries nothing new");
        assertEquals(PageBounds.Kind.REPEATED_PAGE, walk.bounds().problem().kind());
        assertTrue(walk.highestRequested() <= 3 + READ_AHEAD, "requests stay within what the items justified: "
                                                              + walk.highestRequested());
    }

    @Test
    void aNegativeTotalCountEndsThePassOnPageOne() {
        Walk walk = walk(page -> new Answer(-7, keys(0, 60)));
        assertEquals(1, walk.highestRequested());
        assertEquals(PageBounds.Kind.NEGATIVE_TOTAL, walk.bounds().problem().kind());
        assertEquals(0, walk.bounds().declaredPages());
    }

    @Test
    void aTotalCountOfZeroWithItemsIsNotAnEmptyCollection() {
        Walk walk = walk(page -> new Answer(0, keys(0, SIZE)));
        assertFalse(walk.bounds().empty());
        assertEquals(PageBounds.Kind.MORE_ITEMS_THAN_TOTAL, walk.bounds().problem().kind());
        assertEquals(1, walk.highestRequested());
    }

    @Test
    void anEmptyCollectionIsEmptyAndConsistent() {
        Walk walk = walk(page -> new Answer(0, List.of()));
        assertTrue(walk.bounds().empty());
        assertTrue(walk.bounds().consistent());
        assertEquals(1, walk.pagesRead());
    }

    @Test
    void aShortPageInTheMiddleEndsThePassAndRequestsNothingFurther() {
        IntFunction<Answer> store = page -> page == 2
                ? new Answer(500, keys(SIZE, SIZE + 40))
                : new Answer(500, keys((page - 1) * SIZE, page * SIZE));
        Walk walk = walk(store);
        assertEquals(2, walk.pagesRead());
        assertEquals(PageBounds.Kind.SHORT_PAGE, walk.bounds().problem().kind());
        assertEquals(2, walk.bounds().requestLimit(), "after the short page no new page may be requested");
        assertEquals(5, walk.highestRequested(), "only the read-ahead of page 1, capped by the 5 pages claimed");
    }

    @Test
    void aLastPageWithFewerItemsThanTheCountIsInconsistent() {
        IntFunction<Answer> store = page -> new Answer(250, page < 3 ? keys((page - 1) * SIZE, page * SIZE) : keys(200, 230));
        Walk walk = walk(store);
        assertEquals(3, walk.pagesRead());
        assertEquals(PageBounds.Kind.FEWER_ITEMS_THAN_TOTAL, walk.bounds().problem().kind());
    }

    @Test
    void aRowRepeatedAcrossPagesAndACountThatMovesAfterPageOneAreTolerated() {
        // Magento repeats page 1's last row on page 2 when rows shift, and the count drifts while the pass runs.
        IntFunction<Answer> store = page -> switch (page) {
            case 1 -> new Answer(300, keys(0, 100));
            case 2 -> new Answer(303, keys(99, 200));
            default -> new Answer(297, keys(200, 300));
        };
        Walk walk = walk(store);
        assertTrue(walk.bounds().consistent(), String.valueOf(walk.bounds().problem()));
        assertEquals(3, walk.pagesRead());
    }

    @Test
    void aCountThatShrankBelowThePageBeingReadIsARowShiftNotNonsense() {
        IntFunction<Answer> store = page -> page == 1 ? new Answer(300, keys(0, 100))
                : new Answer(150, keys(100, 150));
        PageBounds bounds = new PageBounds(SIZE, READ_AHEAD);
        bounds.accept(300, store.apply(1).keys());
        bounds.accept(150, keys(100, 150));
        assertTrue(bounds.consistent(), "page 2 is the last of 150 rows");
        bounds.accept(150, keys(100, 150));
        assertEquals(PageBounds.Kind.REPEATED_PAGE, bounds.problem().kind(), "but a repeat of it is still a repeat");
    }

    @Test
    void keysetAnswersAreJudgedByTheirOwnPage() {
        assertNull(PageBounds.keysetProblem(1_000, SIZE, SIZE));
        assertNull(PageBounds.keysetProblem(40, 40, SIZE));
        assertNull(PageBounds.keysetProblem(39_735_576, SIZE, SIZE), "a full page says nothing against a big count");
        assertEquals(PageBounds.Kind.SHORT_PAGE, PageBounds.keysetProblem(39_735_576, 40, SIZE).kind());
        assertEquals(PageBounds.Kind.NEGATIVE_TOTAL, PageBounds.keysetProblem(-1, 40, SIZE).kind());
        assertEquals(PageBounds.Kind.MORE_ITEMS_THAN_TOTAL, PageBounds.keysetProblem(0, 40, SIZE).kind());
    }
}
