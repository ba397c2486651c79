package org.magentokafka.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before sending a failed request again: a bounded number of attempts; 429 and
 * 503 wait what {@code Retry-After} says (seconds or an HTTP date), capped; otherwise exponential back-off with
 * equal jitter: half the capped exponential delay, plus a random part of up to the other half (never a near-zero
 * wait, so a throttled store gets at least half the back-off).
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("magento.retry.max-retries must not be negative, was " + maxRetries);
        }
    }

    /** The wait before retry number {@code attempt} (1-based), honouring Retry-After when the store sent one. */
    public Duration delay(int attempt, String retryAfter) {
        Duration fromHeader = parseRetryAfter(retryAfter);
        if (fromHeader != null) {
            return fromHeader.compareTo(maxDelay) > 0 ? maxDelay : fromHeader;
        }
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
