package org.magentokafka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @Test
    void aWaitingForegroundRequestGetsTheNextPermitBeforeAWaitingBackgroundOne() throws Exception {
        StoreGate gate = new StoreGate(1);
        gate.acquire(); // the store's one permit is taken
        List<String> order = new CopyOnWriteArrayList<>();
        Thread scan = enterAndRelease(gate, true, order);
        awaitWaiting(gate, 0, 1);
        Thread poll = enterAndRelease(gate, false, order); // asks after the scan did
        awaitWaiting(gate, 1, 1);

        gate.release();
        poll.join(30_000);
        scan.join(30_000);

        assertEquals(List.of("foreground", "background"), order, "the foreground request went first although it asked later");
        assertEquals(0, gate.inFlight());
    }

    @Test
    void aBackgroundRequestEntersAtOnceWhenNothingWaits() throws Exception {
        StoreGate gate = new StoreGate(2);
        gate.acquire(); // one in flight, one permit free, nobody waiting
        List<String> order = new CopyOnWriteArrayList<>();
        enterAndRelease(gate, true, order).join(30_000);
        assertEquals(List.of("background"), order);
        gate.release();
    }

    /** A thread that enters the gate (as background or foreground), notes that it got in, and leaves. */
    private static Thread enterAndRelease(StoreGate gate, boolean background, List<String> order) {
        Thread thread = new Thread(() -> {
            try {
                if (background) {
                    gate.acquireBackground();
                } else {
                    gate.acquire();
                }
                order.add(background ? "background" : "foreground");
                gate.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        return thread;
    }

    private static void awaitWaiting(StoreGate gate, int foreground, int background) {
        while (gate.waiting()[0] != foreground || gate.waiting()[1] != background) {
            Thread.onSpinWait();
        }
    }
}
