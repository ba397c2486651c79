package org.magentokafka.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void committedHashesDeletionsAndTheWatermarkSurviveARestart() {
        Path file = dir.resolve("products.default.state");
        try (FileStateStore state = new FileStateStore(file)) {
            state.commit(Map.of("24-MB01/blue", new KeyVersion(1L, 1), "Tee Shirt L", new KeyVersion(2L, 1),
                    "Größe-Ä\t12", new KeyVersion(3L, 1)));
            state.commit(Map.of("Tee Shirt L", new KeyVersion(20L, 2), "24-MB01/blue", new KeyVersion(null, 2)));
            state.commitWatermark("2024-05-02 05:04:06");
        }
        try (FileStateStore state = new FileStateStore(file)) {
            assertNull(state.hash("24-MB01/blue"));
            assertEquals(20L, state.hash("Tee Shirt L"));
            assertEquals(3L, state.hash("Größe-Ä\t12"));
            assertEquals(Set.of("Tee Shirt L", "Größe-Ä\t12"), state.keys());
            assertEquals(new KeyVersion(20L, 2), state.version("Tee Shirt L"));
            assertEquals(new KeyVersion(null, 2), state.version("24-MB01/blue"), "a deleted key keeps its sequence");
            assertEquals("2024-05-02 05:04:06", state.watermark());
        }
    }

    @Test
    void aLineTornByAKillIsIgnored() throws Exception {
        Path file = dir.resolve("s.state");
        try (FileStateStore state = new FileStateStore(file)) {
            state.commit(Map.of("a", new KeyVersion(1L, 1)));
        }
        Files.writeString(file, "H\t00000000000000", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileStateStore state = new FileStateStore(file)) {
            assertEquals(Set.of("a"), state.keys());
        }
    }

    @Test
    void aTornLineInTheMiddleIsSkippedWhateverItLooksLikeAndTheRecordsAfterItAreKept() throws Exception {
        Path file = dir.resolve("s.state");
        try (FileStateStore state = new FileStateStore(file)) {
            state.commit(Map.of("a", new KeyVersion(1L, 1)));
        }
        // A write cut short by a full disk that reads like a whole record of the earlier format ...
        Files.writeString(file, "V\t00000000000000ff\t7\tSK", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        // ... then, space freed, the next record, on a line of its own as the store writes it after a failed write.
        Path other = dir.resolve("other.state");
        try (FileStateStore state = new FileStateStore(other)) {
            state.commit(Map.of("b", new KeyVersion(2L, 1)));
        }
        String next = Files.readAllLines(other, StandardCharsets.UTF_8).get(1);
        Files.writeString(file, "\n" + next + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileStateStore state = new FileStateStore(file)) {
            assertEquals(Set.of("a", "b"), state.keys(), "the torn line is no key 'SK'; the record after it counts");
            assertEquals(2L, state.hash("b"));
        }
    }

    @Test
    void theCompactIndexHoldsManyKeysExactly() {
        CompactHashIndex index = new CompactHashIndex();
        for (int i = 0; i < 200_000; i++) {
            index.put("SKU-" + i, new KeyVersion((long) i, 1));
        }
        for (int i = 0; i < 200_000; i += 2) {
            index.remove("SKU-" + i);
        }
        index.put("SKU-4", new KeyVersion(44L, 3));
        assertEquals(100_001, index.size());
        assertEquals(44L, index.get("SKU-4"));
        assertEquals(7L, index.get("SKU-7"));
        assertNull(index.get("SKU-8"));
        assertNull(index.get("nope"));
        assertEquals(100_001, index.keys().size());
    }

    @Test
    void aStateFileOfTheEarlierFormatLoadsAndContinuesWithSequences() throws Exception {
        Path file = dir.resolve("old.state");
        // As written by the version before sequences: H = published hash, D = deleted, W = watermark.
        Files.writeString(file, "H\t00000000000000aa\tWS08-M-Orange\nH\t00000000000000bb\tGröße\\t1\n"
                                + "H\t00000000000000cc\tgone\nD\t-\tgone\nW\t-\t2024-05-02 05:04:06\n", StandardCharsets.UTF_8);
        try (FileStateStore state = new FileStateStore(file)) {
            assertEquals(new KeyVersion(0xaaL, 0), state.version("WS08-M-Orange"));
            assertEquals(0xbbL, state.hash("Größe\t1"));
            assertNull(state.hash("gone"));
            assertEquals(Set.of("WS08-M-Orange", "Größe\t1"), state.keys());
            assertEquals("2024-05-02 05:04:06", state.watermark());
            state.commit(Map.of("WS08-M-Orange", new KeyVersion(0xa1L, 1)));
        }
        try (FileStateStore state = new FileStateStore(file)) {
            assertEquals(new KeyVersion(0xa1L, 1), state.version("WS08-M-Orange"));
            assertEquals(new KeyVersion(0xbbL, 0), state.version("Größe\t1"));
        }
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("F\t2\nV\t"), "rewritten in the current format");
    }
}
