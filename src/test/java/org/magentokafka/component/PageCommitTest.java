package org.magentokafka.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magentokafka.change.FileStateStore;

/** Pages in flight at once: what an earlier, unacknowledged page published counts for the later ones. */
class PageCommitTest {

    @TempDir
    Path dir;

    @Test
    void anItemRepeatedOnTheNextPageSeesTheHashStillInFlight() {
        try (FileStateStore state = new FileStateStore(dir.resolve("s"))) {
            Map<String, Long> inFlight = new ConcurrentHashMap<>();
            PageCommit page1 = new PageCommit(state, inFlight);
            PageCommit page2 = new PageCommit(state, inFlight);
            page1.published("SKU-1", 42L);

            assertEquals(42L, page2.previousHash("SKU-1"), "page 2 must not publish SKU-1 again");
            assertNull(state.hash("SKU-1"), "nothing is committed before Kafka acknowledged page 1");

            page1.apply();
            assertEquals(42L, state.hash("SKU-1"));
            assertTrue(inFlight.isEmpty(), "committed hashes leave the in-flight view");
        }
    }

    @Test
    void aFailedPageTakesItsHashesBack() {
        try (FileStateStore state = new FileStateStore(dir.resolve("s"))) {
            state.commit(Map.of("SKU-1", 1L), java.util.List.of());
            Map<String, Long> inFlight = new ConcurrentHashMap<>();
            PageCommit page1 = new PageCommit(state, inFlight);
            page1.published("SKU-1", 2L);

            page1.abandon();
            assertEquals(1L, new PageCommit(state, inFlight).previousHash("SKU-1"),
                    "after the failure the last acknowledged hash counts again, so the change is published by a later poll");
            assertEquals(1L, state.hash("SKU-1"));
        }
    }
}
