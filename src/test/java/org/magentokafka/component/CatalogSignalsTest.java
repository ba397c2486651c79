package org.magentokafka.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A scan that asks for products again records what it found only once they are published: until then a SKU is
 * awaiting, whether it waits for the next poll or that poll has taken it and not finished.
 */
class CatalogSignalsTest {

    private final CatalogSignals signals = new CatalogSignals();

    CatalogSignalsTest() {
        signals.register("default");
    }

    @Test
    void aSkuAskedForAgainIsAwaitingUntilItsPollPublishedIt() {
        signals.republish("default", List.of("MP01"));
        assertTrue(signals.awaiting("default", "MP01"), "pending");

        Set<String> taken = signals.takePendingSkus("default");
        assertEquals(Set.of("MP01"), taken);
        assertTrue(signals.awaiting("default", "MP01"), "taken by a poll that has not published it yet");

        signals.republished("default", taken);
        assertFalse(signals.awaiting("default", "MP01"), "published");
    }

    @Test
    void aFailedPollGivesItsSkusBackAndTheyStayAwaiting() {
        signals.republish("default", List.of("MP01"));
        Set<String> taken = signals.takePendingSkus("default");
        signals.restorePendingSkus("default", taken);
        assertTrue(signals.awaiting("default", "MP01"));
        assertEquals(Set.of("MP01"), signals.takePendingSkus("default"), "asked for again at the next poll");
    }

    @Test
    void anotherStoreViewsPublicationDoesNotCount() {
        signals.register("eu");
        signals.republish("default", List.of("MP01"));
        signals.republish("eu", List.of("MP01"));
        signals.republished("eu", signals.takePendingSkus("eu"));
        assertTrue(signals.awaiting("default", "MP01"));
        assertFalse(signals.awaiting("eu", "MP01"));
    }
}
