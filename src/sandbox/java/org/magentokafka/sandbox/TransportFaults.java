package org.magentokafka.sandbox;

/**
 * The transport half of {@link Faults}: how requests are delayed, refused or answered wrongly, whatever the route.
 * Kept apart from {@link DataFaults} because these change how an answer travels, not what it says.
 *
 * @param retryAfterOn503 seconds, or null for no Retry-After on the 503 page
 */
record TransportFaults(long latencyMillis, long latencyJitterMillis, double rate429, int retryAfterSeconds,
                       double rateHtml503, Integer retryAfterOn503, double rate500, double rateTruncated,
                       int maxConcurrency, long seed) {
}
