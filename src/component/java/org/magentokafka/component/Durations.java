package org.magentokafka.component;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations operators write: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h}, {@code 2d}, a bare
 * number of milliseconds, or ISO-8601 ({@code PT30S}). Camel's own parser silently reads ISO-8601 as zero.
 */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    public static Duration parse(String option, String value) {
        String v = value == null ? "" : value.strip();
        if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return requirePositive(option, value, Duration.parse(v.toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                throw invalid(option, value);
            }
        }
        Matcher m = SIMPLE.matcher(v.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(option, value);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        return requirePositive(option, value, d);
    }

    private static Duration requirePositive(String option, String value, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(option + "='" + value + "' must be a positive duration");
        }
        return d;
    }

    private static IllegalArgumentException invalid(String option, String value) {
        return new IllegalArgumentException(option + "='" + value
                                            + "' is not a duration: use e.g. 500ms, 5s, 10m, 1h or ISO-8601 such as PT30S");
    }
}
