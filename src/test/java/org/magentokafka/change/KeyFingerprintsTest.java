package org.magentokafka.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyFingerprintsTest {

    @Test
    void remembersEveryKeySeenAcrossGrowthAndNothingElse() {
        KeyFingerprints seen = new KeyFingerprints();
        for (int i = 0; i < 200_000; i++) {
            seen.add("24-MB" + i + "-M-Blue");
        }
        seen.add("24-MB7-M-Blue");
        seen.add("Größe-Ä/12");
        assertEquals(200_001, seen.size(), "a key added twice counts once");
        for (int i = 0; i < 200_000; i++) {
            assertTrue(seen.contains("24-MB" + i + "-M-Blue"));
        }
        assertTrue(seen.contains("Größe-Ä/12"));
        for (int i = 200_000; i < 400_000; i++) {
            assertFalse(seen.contains("24-MB" + i + "-M-Blue"), "a key never seen is a deletion candidate");
        }
        assertFalse(seen.contains("24-mb7-m-blue"), "keys are case-sensitive, as Kafka record keys are");
    }
}
