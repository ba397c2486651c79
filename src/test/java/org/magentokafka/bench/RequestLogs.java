package org.magentokafka.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.magentokafka.sandbox.LoggedRequest;

/** Request-log entries as the simulator writes them, for the tests of the benchmark's figures. */
final class RequestLogs {

    static final Set<String> CODES = Set.of("default", "fr");
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private RequestLogs() {
    }

    static LoggedRequest get(String path, Map<String, String> query, long atMillis) {
        return new LoggedRequest("GET", path, query, Map.of(), 200, T0.plusMillis(atMillis));
    }

    /** A scan page's query: page {@code page} of 300. */
    static Map<String, String> page(int page) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("searchCriteria[pageSize]", "300");
        q.put("searchCriteria[currentPage]", String.valueOf(page));
        return q;
    }
}
