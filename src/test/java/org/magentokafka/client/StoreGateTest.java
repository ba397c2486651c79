package org.magentokafka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StoreGateTest {

    @Test
    void aRequestInterruptedWhileWaitingForTheRateLimitGivesItsPermitBack() throws Exception {
        // One request in flight at most, one start per 1,000 s: the second caller waits for the rate limit.
        StoreGate gate = new StoreGate(1, 0.001);
        gate.acquire();
        gate.release();

        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                gate.acquire();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        waiting.start();
        // It holds the permit while it sleeps until its start time (that is how the rate limit keeps the bound).
        while (gate.inFlight() == 0 && waiting.isAlive()) {
            Thread.onSpinWait();
        }
        waiting.interrupt(); // the connector is stopping
        assertInstanceOf(InterruptedException.class, outcome.get(30, TimeUnit.SECONDS));

        assertEquals(0, gate.inFlight(), "the interrupted caller never got the permit and must not keep it");
    }
}
