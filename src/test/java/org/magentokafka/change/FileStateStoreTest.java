package org.magentokafka.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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
            state.commit(Map.of("24-MB01/blue", 1L, "Tee Shirt L", 2L, "Größe-Ä\t12", 3L), List.of());
            state.commit(Map.of("Tee Shirt L", 20L), List.of("24-MB01/blue"));
            state.commitWatermark("2024-05-02 05:04:06");
        }
        try (FileStateStore state = new FileStateStore(file)) {
            assertNull(state.hash("24-MB01/blue"));
            assertEquals(20L, state.hash("Tee Shirt L"));
            assertEquals(3L, state.hash("Größe-Ä\t12"));
            assertEquals(Set.of("Tee Shirt L", "Größe-Ä\t12"), state.keys());
            assertEquals("2024-05-02 05:04:06", state.watermark());
        }
    }

    @Test
    void aLineTornByAKillIsIgnored() throws Exception {
        Path file = dir.resolve("s.state");
        try (FileStateStore state = new FileStateStore(file)) {
            state.commit(Map.of("a", 1L), List.of());
        }
        Files.writeString(file, "H\t00000000000000", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileStateStore state = new FileStateStore(file)) {
            assertEquals(Set.of("a"), state.keys());
        }
    }

    @Test
    void theCompactIndexHoldsManyKeysExactly() {
        CompactHashIndex index = new CompactHashIndex();
        for (int i = 0; i < 200_000; i++) {
            index.put("SKU-" + i, i);
        }
        for (int i = 0; i < 200_000; i += 2) {
            index.remove("SKU-" + i);
        }
        index.put("SKU-4", 44);
        assertEquals(100_001, index.size());
        assertEquals(44L, index.get("SKU-4"));
        assertEquals(7L, index.get("SKU-7"));
        assertNull(index.get("SKU-8"));
        assertNull(index.get("nope"));
        assertEquals(100_001, index.keys().size());
    }
}
