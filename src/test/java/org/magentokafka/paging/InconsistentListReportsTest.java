package org.magentokafka.paging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InconsistentListReportsTest {

    private static final PageBounds.Problem NEGATIVE = new PageBounds.Problem(PageBounds.Kind.NEGATIVE_TOTAL, "page 1 reports total_count -1");
    private static final PageBounds.Problem SHORT = new PageBounds.Problem(PageBounds.Kind.SHORT_PAGE, "page 2 of 5 has 3 items");

    @Test
    void aKindOfNonsenseIsReportedOncePerPlaceUntilThePlaceAnswersConsistently() {
        InconsistentListReports reports = new InconsistentListReports();
        assertTrue(reports.firstTime("default", NEGATIVE));
        assertFalse(reports.firstTime("default", NEGATIVE), "the same kind again, next poll");
        assertTrue(reports.firstTime("default", SHORT), "another kind is news");
        assertTrue(reports.firstTime("fr", NEGATIVE), "another store view is news");

        reports.consistent("default");
        assertTrue(reports.firstTime("default", NEGATIVE), "after a consistent pass it is news again");
        assertFalse(reports.firstTime("fr", NEGATIVE), "other places keep theirs");
    }
}
