package org.magentokafka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScanBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock that only moves when a caller sleeps, and remembers when each caller woke. */
    private static final class FakeClock implements ScanBudget.Clock {
        long now = 100 * SECOND;
        final List<Long> wokeAt = new ArrayList<>();
        boolean interruptNextSleep;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (interruptNextSleep) {
                interruptNextSleep = false;
                throw new InterruptedException();
            }
            now += nanos;
        }

        long acquire(ScanBudget budget) throws InterruptedException {
            budget.acquire();
            wokeAt.add(now);
            return now;
        }
    }

    @Test
    void requestsAreSpreadAtTheBudgetsPaceInsteadOfBursting() throws Exception {
        FakeClock clock = new FakeClock();
        ScanBudget budget = new ScanBudget(0.2, clock); // one request every 5 s
        for (int i = 0; i < 4; i++) {
            clock.acquire(budget);
        }
        assertEquals(List.of(100 * SECOND, 105 * SECOND, 110 * SECOND, 115 * SECOND), clock.wokeAt);
    }

    @Test
    void aScanThatPausedLongerThanOneSlotStartsAtOnceWithoutCatchingUp() throws Exception {
        FakeClock clock = new FakeClock();
        ScanBudget budget = new ScanBudget(1, clock);
        clock.acquire(budget);
        clock.now += 60 * SECOND; // a pause between two cycles: no burst of 60 saved-up slots afterwards
        long first = clock.acquire(budget);
        long second = clock.acquire(budget);
        assertEquals(160 * SECOND, first);
        assertEquals(161 * SECOND, second);
    }

    @Test
    void concurrentScansNeverShareASlot() throws Exception {
        // Time stands still; each caller's sleep says which slot it was given. Two scans asking at once get
        // distinct slots one interval apart: together they never exceed the budget.
        List<Long> slots = Collections.synchronizedList(new ArrayList<>());
        ScanBudget.Clock still = new ScanBudget.Clock() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public void sleepNanos(long nanos) {
                slots.add(nanos);
            }
        };
        ScanBudget budget = new ScanBudget(0.5, still);
        Thread a = scan(budget);
        Thread b = scan(budget);
        a.join(30_000);
        b.join(30_000);
        List<Long> sorted = new ArrayList<>(slots);
        Collections.sort(sorted);
        // The very first request goes at once (no sleep); the other 19 at 2 s, 4 s, ... 38 s.
        List<Long> expected = new ArrayList<>();
        for (int i = 1; i < 20; i++) {
            expected.add(i * 2 * SECOND);
        }
        assertEquals(expected, sorted);
    }

    @Test
    void anInterruptedWaitGivesItsSlotBack() throws Exception {
        FakeClock clock = new FakeClock();
        ScanBudget budget = new ScanBudget(0.1, clock); // 10 s apart
        clock.acquire(budget);
        clock.interruptNextSleep = true;
        assertThrows(InterruptedException.class, () -> budget.acquire());
        // The next caller gets the slot the interrupted one gave back, not the one after it.
        assertEquals(110 * SECOND, clock.acquire(budget));
    }

    @Test
    void noBudgetNeverWaits() throws Exception {
        FakeClock clock = new FakeClock();
        ScanBudget budget = new ScanBudget(0, clock);
        for (int i = 0; i < 100; i++) {
            clock.acquire(budget);
        }
        assertEquals(100 * SECOND, clock.now);
    }

    @Test
    void countsTheScansRegistered() {
        ScanBudget budget = new ScanBudget(0.2);
        budget.register();
        budget.register();
        budget.unregister();
        assertEquals(1, budget.scans());
    }

    private static Thread scan(ScanBudget budget) {
        Thread thread = new Thread(() -> {
            try {
                for (int i = 0; i < 10; i++) {
                    budget.acquire();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        return thread;
    }
}
