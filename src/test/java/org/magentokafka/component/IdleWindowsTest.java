package org.magentokafka.component;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.magentokafka.paging.Page;

class IdleWindowsTest {

    private static final Duration OVERLAP = Duration.ofSeconds(60);
    private static final String BOUND = "2024-05-01 09:59:00";

    private final IdleWindows windows = new IdleWindows("updated_at", OVERLAP);

    private static Page newest(String updatedAt, long total) {
        return new Page(1, total, List.of(Map.of("sku", "A", "updated_at", updatedAt)));
    }

    @Test
    void aWindowReadWellAfterItsNewestRowIsIdleWhenPageOneShowsItAgain() {
        windows.read("default", BOUND, newest("2024-05-01 10:00:00", 3), Instant.parse("2024-05-01T10:05:00Z"));
        assertTrue(windows.unchanged("default", BOUND, newest("2024-05-01 10:00:00", 3)));
    }

    @Test
    void aWindowReadWithinTheOverlapOfItsNewestRowIsReadAgain() {
        // A row written in the same second (or with the store's clock a little ahead) may not have been visible yet.
        windows.read("default", BOUND, newest("2024-05-01 10:00:00", 3), Instant.parse("2024-05-01T10:00:30Z"));
        assertFalse(windows.unchanged("default", BOUND, newest("2024-05-01 10:00:00", 3)));
    }

    @Test
    void aNewRowOrAnotherCountOrAnotherStoreViewIsNotIdle() {
        windows.read("default", BOUND, newest("2024-05-01 10:00:00", 3), Instant.parse("2024-05-01T10:05:00Z"));
        assertFalse(windows.unchanged("default", BOUND, newest("2024-05-01 10:06:00", 4)));
        assertFalse(windows.unchanged("default", BOUND, newest("2024-05-01 10:00:00", 4)));
        assertFalse(windows.unchanged("default", "2024-05-01 10:00:00", newest("2024-05-01 10:00:00", 3)));
        assertFalse(windows.unchanged("fr", BOUND, newest("2024-05-01 10:00:00", 3)));
    }

    @Test
    void anUnreadableTimestampIsNeverTakenForIdle() {
        windows.read("default", BOUND, newest("yesterday", 3), Instant.parse("2024-05-01T10:05:00Z"));
        assertFalse(windows.unchanged("default", BOUND, newest("yesterday", 3)));
    }

    @Test
    void theFirstTimeAnUnchangedWindowWasReadIsKept() {
        windows.read("default", BOUND, newest("2024-05-01 10:00:00", 3), Instant.parse("2024-05-01T10:00:30Z"));
        windows.read("default", BOUND, newest("2024-05-01 10:00:00", 3), Instant.parse("2024-05-01T10:05:00Z"));
        // Still the read at 10:00:30, within the overlap: a later read of the same window does not vouch for it.
        assertFalse(windows.unchanged("default", BOUND, newest("2024-05-01 10:00:00", 3)));
    }
}
