package org.magentokafka.change;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

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

    /** The earlier of two timestamps; unparseable values are ignored, null when neither parses. */
    public static String min(String a, String b) {
        LocalDateTime x = parse(a);
        LocalDateTime y = parse(b);
        if (x == null || y == null) {
            return x == null ? (y == null ? null : y.format(MAGENTO)) : x.format(MAGENTO);
        }
        return (x.isBefore(y) ? x : y).format(MAGENTO);
    }

    /** An instant in Magento's format (UTC, to the second). */
    public static String of(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(MAGENTO);
    }

    /**
     * What a pass may commit as the watermark, from what is certain rather than what it happened to see: never past
     * now (a row dated in the future would hide every edit until then), and after a full pass never past the pass's
     * start minus the overlap (a row edited after its page was read is older than what later pages showed; the next
     * poll must read from before the pass began). Null when the pass saw no timestamp.
     *
     * @param newestSeen the newest {@code updated_at} the pass read
     * @param passStart  when the pass began; null for an incremental pass
     */
    public static String certain(String newestSeen, Instant now, Instant passStart, Duration overlap) {
        if (parse(newestSeen) == null) {
            return null;
        }
        String bound = min(newestSeen, of(now));
        return passStart == null ? bound : min(bound, of(passStart.minus(overlap)));
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
