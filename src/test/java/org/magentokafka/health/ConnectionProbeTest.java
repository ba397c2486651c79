package org.magentokafka.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.magentokafka.paging.Page;

class ConnectionProbeTest {

    private static Page page(long totalCount, int items) {
        return new Page(1, totalCount, Collections.nCopies(items, Map.<String, Object>of("id", 1)));
    }

    @Test
    void aSaneAnswerShowsTheCollectionSize() {
        assertEquals("OK (1000 items)", ConnectionProbe.answered(page(1000, 1), false));
        assertEquals("OK (40 items, served to guests)", ConnectionProbe.answered(page(40, 1), true));
    }

    @Test
    void anEmptyCollectionSaysWhoCannotSeeItems() {
        assertEquals("EMPTY (no items visible to this integration)", ConnectionProbe.answered(page(0, 0), false));
    }

    @Test
    void aNegativeCountIsNamedNotPrintedAsASize() {
        String line = ConnectionProbe.answered(page(-5, 1), false);
        assertTrue(line.startsWith("OK, BUT INCONSISTENT (total_count -5 with 1 items"), line);
    }

    @Test
    void aZeroCountWithItemsIsNotEmpty() {
        String line = ConnectionProbe.answered(page(0, 1), false);
        assertTrue(line.startsWith("OK, BUT INCONSISTENT (total_count 0 with 1 items"), line);
    }

    @Test
    void aCountAboveTheItemsOfPageOneIsTheCollectionSize() {
        assertEquals("OK (3 items)", ConnectionProbe.answered(new Page(1, 3, List.of(Map.of("id", 1))), false));
    }

    @Test
    void onlyACoreStreamThatDoesNotWorkFailsTheCheck() {
        assertTrue(new ConnectionProbe.Result("products", "/rest/default/V1/products", false, "ACL MISSING").fails());
        assertFalse(new ConnectionProbe.Result("products", "/rest/default/V1/products", true, "OK (3 items)").fails());
        // Issue 22: an optional part of product events that is missing is said, never a failure.
        assertFalse(ConnectionProbe.Result.optional("websites", "/rest/default/V1/store/websites", false, "OPTIONAL: not granted")
                .fails());
    }
}
