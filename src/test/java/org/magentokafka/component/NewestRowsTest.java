package org.magentokafka.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class NewestRowsTest {

    @Test
    void countsTheRowsOfTheWindowThatFollowsTheNewestTimestampInAnyOrder() {
        NewestRows rows = new NewestRows(Duration.ofSeconds(60));
        rows.add("2024-05-01 10:00:30");
        rows.add("2024-05-01 09:00:00"); // far older: never in the window
        rows.add("2024-05-01 10:01:00");
        rows.add("2024-05-01 10:00:30");
        rows.add("2024-05-01 10:00:00"); // exactly newest - overlap: the window is gteq
        rows.add("2024-05-01 09:59:59"); // one second too old
        rows.add("2024-05-01 10:01:00");

        assertEquals("2024-05-01 10:01:00", rows.newest());
        assertEquals("2024-05-01 10:00:00", rows.floor());
        assertEquals(5, rows.inWindow(), "two rows at 10:01:00, two at 10:00:30, one at 10:00:00");
    }
}
