package org.magentokafka.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The state topic's record values: hash and sequence, and the bare hashes earlier versions wrote. */
class KafkaStateValuesTest {

    @Test
    void aVersionRoundTripsThroughItsRecordValue() {
        KeyVersion live = new KeyVersion(0xfedcba9876543210L, 7);
        KeyVersion deleted = new KeyVersion(null, 8);
        assertEquals("fedcba9876543210:7", KafkaStateBackend.format(live));
        assertEquals(live, KafkaStateBackend.parse(KafkaStateBackend.format(live)));
        assertEquals(deleted, KafkaStateBackend.parse(KafkaStateBackend.format(deleted)));
    }

    @Test
    void aBareHashOfTheEarlierFormatIsAKeyWithSequenceZero() {
        assertEquals(new KeyVersion(0xabL, 0), KafkaStateBackend.parse("00000000000000ab"));
    }
}
