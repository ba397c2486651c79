package org.magentokafka.testing;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A background scan's schedule, run by hand: the round it scheduled runs on the test's thread when the test says
 * so ({@link #runRound}), and the delays it asked for can be read.
 */
public final class ManualRounds extends ScheduledThreadPoolExecutor {

    private volatile Runnable round;
    private volatile Duration firstDelay;
    private volatile Duration pause;

    public ManualRounds() {
        super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        round = command;
        firstDelay = Duration.ofNanos(unit.toNanos(initialDelay));
        pause = Duration.ofNanos(unit.toNanos(delay));
        return null;
    }

    /** Runs one round now, as the schedule would once its delay passed; a round that throws would end the schedule. */
    public void runRound() {
        if (round == null) {
            throw new AssertionError("no round was scheduled");
        }
        if (isShutdown()) {
            throw new AssertionError("the scan was stopped");
        }
        round.run();
    }

    /** How long after the start the first round was scheduled. */
    public Duration firstDelay() {
        return firstDelay;
    }

    /** The pause between the end of one round and the start of the next. */
    public Duration pause() {
        return pause;
    }
}
