package org.magentokafka.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CloudEventTest {

    @Test
    void theSameContentAtALaterSequenceIsANewEvent() {
        assertNotEquals(CloudEvent.id("product", ChangeType.UPDATED, "SKU-1", 2, 0xaL),
                CloudEvent.id("product", ChangeType.UPDATED, "SKU-1", 4, 0xaL));
    }

    @Test
    void aReSendOfTheSameChangeHasTheSameId() {
        assertEquals(CloudEvent.id("product", ChangeType.UPDATED, "SKU-1", 2, 0xaL),
                CloudEvent.id("product", ChangeType.UPDATED, "SKU-1", 2, 0xaL));
    }

    @Test
    void aDifferentChangeAtTheSameSequenceHasItsOwnId() {
        // A change lost in a crash (5 -> 0) and the one the store shows at the restart (5 -> 3) share a sequence.
        assertNotEquals(CloudEvent.id("product", ChangeType.UPDATED, "SKU-1", 2, 0x0L),
                CloudEvent.id("product", ChangeType.UPDATED, "SKU-1", 2, 0x3L));
    }

    @Test
    void keysWithSeparatorsCannotForgeAnotherKeysId() {
        assertNotEquals(CloudEvent.id("source-item", ChangeType.UPDATED, "A|1", 1, 0xaL),
                CloudEvent.id("source-item", ChangeType.UPDATED, "A", 1, 0xaL));
    }

    @Test
    void idsOfTheEarlierSchemeAreNeverRepeated() {
        // The earlier id: entity|type|key|hash only.
        String earlier = UUID.nameUUIDFromBytes("source-item|updated|A|1|000000000000000a".getBytes(StandardCharsets.UTF_8)).toString();
        assertNotEquals(earlier, CloudEvent.id("source-item", ChangeType.UPDATED, "A|1", 1, 0xaL));
        assertNotEquals(earlier, CloudEvent.id("source-item", ChangeType.UPDATED, "A", 1, 0xaL));
    }
}
