package org.magentokafka.change;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.Duration;

/**
 * Watermark arithmetic in Magento's timestamp format ({@code yyyy-MM-dd HH:mm:ss}, UTC). Many rows share one
 * second, so polls filter {@code gteq} the watermark minus an overlap and drop what they already published.
 */
public final class Watermark {

    private static final DateTimeFormatter MAGENTO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Watermark() {
    }

    /** The lower bound of the next incremental poll. */
    public static String lowerBound(String watermark, Duration overlap) {
        return LocalDateTime.parse(watermark, MAGENTO).minus(overlap).format(MAGENTO);
    }

    /** The later of two timestamps; unparseable values are ignored, null when neither parses. */
    public static String max(String a, String b) {
        LocalDateTime x = parse(a);
        LocalDateTime y = parse(b);
        if (x == null) {
            return y == null ? null : y.format(MAGENTO);
        }
        if (y == null) {
            return x.format(MAGENTO);
        }
        return (x.isAfter(y) ? x : y).format(MAGENTO);
    }

    /** The timestamp in Magento's format (longer values cut to the second), or null when it does not parse. */
    public static String normalize(String value) {
        LocalDateTime t = parse(value);
        return t == null ? null : t.format(MAGENTO);
    }

    private static LocalDateTime parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.length() > 19 ? value.substring(0, 19) : value, MAGENTO);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
