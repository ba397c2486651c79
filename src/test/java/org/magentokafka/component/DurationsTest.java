package org.magentokafka.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void acceptsTheFormsOperatorsWrite() {
        assertEquals(Duration.ofMillis(500), Durations.parse("x", "500ms"));
        assertEquals(Duration.ofSeconds(5), Durations.parse("x", "5s"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("x", "10m"));
        assertEquals(Duration.ofHours(1), Durations.parse("x", "1h"));
        assertEquals(Duration.ofDays(2), Durations.parse("x", "2d"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("x", "PT30S"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("x", "pt1h30m"));
        assertEquals(Duration.ofMillis(2500), Durations.parse("x", "2500"));
    }

    @Test
    void refusesNonsenseNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("magento.poll-interval", "soon"));
        assertTrue(e.getMessage().startsWith("magento.poll-interval='soon' is not a duration"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("magento.poll-interval", "0s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("magento.poll-interval", "-5s"));
    }
}
