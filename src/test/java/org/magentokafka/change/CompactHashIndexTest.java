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
                    index.put(key, hash);
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
}
