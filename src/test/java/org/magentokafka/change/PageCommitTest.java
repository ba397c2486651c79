package org.magentokafka.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magentokafka.change.FileStateStore;
import org.magentokafka.change.KeyVersion;

/** Pages in flight at once, and the per-key sequence the event ids are derived from. */
class PageCommitTest {

    @TempDir
    Path dir;

    private final Map<String, KeyVersion> inFlight = new ConcurrentHashMap<>();

    @Test
    void anItemRepeatedOnTheNextPageSeesTheHashStillInFlight() {
        try (FileStateStore state = new FileStateStore(dir.resolve("s"))) {
            PageCommit page1 = new PageCommit(state, inFlight);
            PageCommit page2 = new PageCommit(state, inFlight);
            page1.next("SKU-1", 42L);

            assertEquals(42L, page2.previous("SKU-1").hash(), "page 2 must not publish SKU-1 again");
            assertNull(state.hash("SKU-1"), "nothing is committed before Kafka acknowledged page 1");

            page1.apply();
            assertEquals(42L, state.hash("SKU-1"));
            assertTrue(inFlight.isEmpty(), "committed versions leave the in-flight view");
        }
    }

    @Test
    void aFailedPageTakesItsHashesBack() {
        try (FileStateStore state = new FileStateStore(dir.resolve("s"))) {
            state.commit(Map.of("SKU-1", new KeyVersion(1L, 1)));
            PageCommit page1 = new PageCommit(state, inFlight);
            page1.next("SKU-1", 2L);

            page1.abandon();
            assertEquals(1L, new PageCommit(state, inFlight).previous("SKU-1").hash(),
                    "after the failure the last acknowledged hash counts again, so the change is published by a later poll");
            assertEquals(1L, state.hash("SKU-1"));
        }
    }

    @Test
    void everyCommittedChangeTakesTheNextSequenceEvenWhenTheContentComesBack() {
        try (FileStateStore state = new FileStateStore(dir.resolve("s"))) {
            long five = 5L;
            long zero = 0L;
            assertEquals(1, commitOne(state, "SKU-1", five), "created");
            assertEquals(2, commitOne(state, "SKU-1", zero), "5 -> 0");
            assertEquals(3, commitOne(state, "SKU-1", five), "0 -> 5");
            assertEquals(4, commitOne(state, "SKU-1", zero), "5 -> 0 again: a new sequence, so a new id");
        }
    }

    @Test
    void aChangeResentAfterACrashBeforeItsCommitKeepsItsSequence() {
        Path file = dir.resolve("s");
        try (FileStateStore state = new FileStateStore(file)) {
            commitOne(state, "SKU-1", 5L);
            new PageCommit(state, inFlight).next("SKU-1", 0L); // published, never acknowledged: the process dies
        }
        inFlight.clear();
        try (FileStateStore restarted = new FileStateStore(file)) {
            assertEquals(new KeyVersion(0L, 2), new PageCommit(restarted, inFlight).next("SKU-1", 0L),
                    "the re-send has the same sequence and hash as the lost one, hence the same id");
        }
    }

    @Test
    void aKeyReCreatedAfterItsDeletionContinuesItsSequence() {
        Path file = dir.resolve("s");
        try (FileStateStore state = new FileStateStore(file)) {
            commitOne(state, "SKU-1", 5L);
            PageCommit delete = new PageCommit(state, inFlight);
            assertEquals(new KeyVersion(null, 2), delete.next("SKU-1", null));
            delete.apply();
            assertNull(state.hash("SKU-1"));
        }
        try (FileStateStore restarted = new FileStateStore(file)) {
            assertEquals(3, commitOne(restarted, "SKU-1", 5L),
                    "same content as its first life, yet a new sequence: the re-creation's id is new");
        }
    }

    @Test
    void aKeyChangedTwiceByPagesInFlightGetsTwoSequences() {
        try (FileStateStore state = new FileStateStore(dir.resolve("s"))) {
            PageCommit page1 = new PageCommit(state, inFlight);
            PageCommit page2 = new PageCommit(state, inFlight);
            assertEquals(1, page1.next("SKU-1", 1L).sequence());
            assertEquals(2, page2.next("SKU-1", 2L).sequence());
            page1.apply();
            assertEquals(new KeyVersion(2L, 2), new PageCommit(state, inFlight).previous("SKU-1"),
                    "page 1's commit must not hide page 2's newer version still in flight");
            page2.apply();
            assertEquals(new KeyVersion(2L, 2), state.version("SKU-1"));
        }
    }

    private int commitOne(FileStateStore state, String key, long hash) {
        PageCommit page = new PageCommit(state, inFlight);
        int sequence = page.next(key, hash).sequence();
        page.apply();
        return sequence;
    }

    @Test
    void aStateWriteThatFailsFailsThePageAndReleasesItsVersions() {
        IndexedStateStore full = new IndexedStateStore(new CompactHashIndex(), null) {
            @Override
            protected void persist(Map<String, KeyVersion> changes) {
                throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
            }

            @Override
            protected void persistWatermark(String value) {
            }

            @Override
            protected void persistFullPass(boolean requested) {
            }

            @Override
            protected void persistRepublish(java.util.Collection<String> keys, boolean requested) {
            }

            @Override
            public void close() {
            }
        };
        PageCommit page = new PageCommit(full, inFlight);
        page.next("SKU-1", 7L);
        assertThrows(java.io.UncheckedIOException.class, page::apply, "the failure reaches the page, not swallowed");
        assertTrue(inFlight.isEmpty(), "its versions leave the in-flight view: the next poll publishes them again");
        assertNull(full.hash("SKU-1"), "nothing recorded");
    }
}
