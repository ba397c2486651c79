package org.magentokafka.consumer.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PagePlanTest {

    @Test
    void pageCountIsTheCeilingOfTotalOverPageSize() {
        assertEquals(10, new PagePlan(1000, 100).pageCount());
        assertEquals(14, new PagePlan(1000, 75).pageCount());
        assertEquals(1, new PagePlan(1, 300).pageCount());
        assertEquals(0, new PagePlan(0, 100).pageCount());
    }

    @Test
    void noPagePastTheLastIsPartOfThePlan() {
        PagePlan plan = new PagePlan(1000, 75);
        assertTrue(plan.hasPage(14));
        assertFalse(plan.hasPage(15));
        assertFalse(plan.hasPage(0));
    }

    @Test
    void anEmptyCollectionHasNoPages() {
        assertTrue(new PagePlan(0, 100).isEmpty());
        assertFalse(new PagePlan(0, 100).hasPage(1));
    }
}
