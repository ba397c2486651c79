package org.magentokafka.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the store saw it.
 *
 * @param path    raw path as sent (percent-encoding kept, so tests can check how a SKU was encoded)
 * @param query   decoded query parameters in the order they were sent
 * @param headers header names in lower case; repeated headers are joined with ", "
 * @param status  status code of the answer
 */
public record LoggedRequest(String method, String path, Map<String, String> query,
                            Map<String, String> headers, int status, Instant at) {

    public LoggedRequest {
        // Copies keep insertion order (Map.copyOf would not) and make the record immutable.
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The value of a header, by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
