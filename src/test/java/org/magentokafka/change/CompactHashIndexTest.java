package org.magentokafka.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CompactHashIndexTest {

    @Test
    void behavesLikeAMapThroughGrowthRemovalsAndReinsertions() {
        CompactHashIndex index = new CompactHashIndex();
        Map<String, Long> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 300_000; i++) {
            String key = "SKU-" + random.nextInt(120_000) + (i % 3 == 0 ? "-Größe" : "");
            switch (random.nextInt(4)) {
                case 0 -> {
                    index.remove(key);
                    expected.remove(key);
                }
                default -> {
                    long hash = random.nextLong();
                    index.put(key, new KeyVersion(hash, 1));
                    expected.put(key, hash);
                }
            }
        }
        assertEquals(expected.size(), index.size());
        assertEquals(expected.keySet(), index.keys());
        expected.forEach((key, hash) -> assertEquals(hash, index.get(key), key));
        assertNull(index.get("SKU-never"));
        Map<String, Long> visited = new HashMap<>();
        index.forEach(visited::put);
        assertEquals(expected, visited);
    }

    @Test
    void aDeletedKeyKeepsItsSequenceThroughGrowthAndComesBackWithIt() {
        CompactHashIndex index = new CompactHashIndex();
        index.put("gone", new KeyVersion(7L, 3));
        index.put("gone", new KeyVersion(null, 4));
        for (int i = 0; i < 50_000; i++) {
            index.put("SKU-" + i, new KeyVersion((long) i, 1));
        }
        assertNull(index.get("gone"));
        assertEquals(new KeyVersion(null, 4), index.version("gone"), "the deletion's sequence survives the table growing");
        assertEquals(50_000, index.size(), "a deleted key is not counted as published");
        index.put("gone", new KeyVersion(9L, 5));
        assertEquals(new KeyVersion(9L, 5), index.version("gone"));
        assertEquals(KeyVersion.NONE, index.version("never"));
    }
}
