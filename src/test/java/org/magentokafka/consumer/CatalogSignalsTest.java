package org.magentokafka.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A request for a full pass of the products is served only by a pass that completed. */
class CatalogSignalsTest {

    private final CatalogSignals signals = new CatalogSignals();

    @Test
    void aPassThatFailsLeavesTheRequestForTheNextPoll() {
        signals.metadataChanged("default");
        long planned = signals.fullPassRequested("default");
        assertTrue(planned > 0, "a category change asks for a full pass");
        // The pass fails (the store answered 503 on page 7): nothing says it was done.
        assertEquals(planned, signals.fullPassRequested("default"), "the next poll plans the full pass again");
        signals.fullPassDone("default", planned);
        assertEquals(0, signals.fullPassRequested("default"), "served once a pass completed");
    }

    @Test
    void aRequestThatCameDuringThePassIsKeptForTheNextOne() {
        signals.metadataChanged("default");
        long planned = signals.fullPassRequested("default");
        signals.metadataChanged("default"); // an attribute label changed while the pass read its pages
        signals.fullPassDone("default", planned);
        assertTrue(signals.fullPassRequested("default") > 0, "the later change is not taken for served");
        assertEquals(0, signals.fullPassRequested("fr"), "per store view");
    }
}
