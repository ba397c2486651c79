package org.magentokafka.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One request as the store saw it.
 *
 * @param path    raw path as sent (percent-encoding kept, so tests can check how a SKU was encoded)
 * @param query   decoded query parameters in the order they were sent
 * @param headers header names in lower case; repeated headers are joined with ", "
 * @param status  status code of the answer (the faulted one when a fault replaced Magento's answer)
 * @param faults  names of the {@link Faults.Kind}s applied to this request, in order (LATENCY is not
 *                listed); empty when none
 * @param responseBytes bytes of the answer's body as sent on the wire (gzip-compressed when it was), so that a
 *                benchmark can count what a client received
 * @param personalData whether the body sent (after the {@code fields=} projection) carried any of a shopper's
 *                personal data: a key such as {@code customer_email}, {@code billing_address}, {@code payment} or
 *                {@code shipping_assignments} anywhere in the JSON (the list is {@link #PERSONAL_DATA_KEYS})
 */
public record LoggedRequest(String method, String path, Map<String, String> query,
                            Map<String, String> headers, int status, Instant at, List<String> faults,
                            long responseBytes, boolean personalData) {

    /** The keys that make an answer carry personal data (customer fields of orders, their addresses and payment). */
    public static final Set<String> PERSONAL_DATA_KEYS = PersonalData.KEYS;

    public LoggedRequest {
        // Copies keep insertion order (Map.copyOf would not) and make the record immutable.
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        faults = List.copyOf(faults);
    }

    /** A request whose answer carried no personal data. */
    public LoggedRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         int status, Instant at, List<String> faults, long responseBytes) {
        this(method, path, query, headers, status, at, faults, responseBytes, false);
    }

    /** A request no fault touched. */
    public LoggedRequest(String method, String path, Map<String, String> query,
                         Map<String, String> headers, int status, Instant at) {
        this(method, path, query, headers, status, at, List.of(), 0, false);
    }

    /** True when any fault (other than latency) was applied. */
    public boolean faulted() {
        return !faults.isEmpty();
    }

    /**
     * Whether the request's searchCriteria filters {@code field} with {@code conditionType} in any filter group, e.g.
     * {@code ("entity_id", "in")}: a page's children, not a page of the listing.
     */
    public boolean filters(String field, String conditionType) {
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getKey().endsWith("[field]") && field.equals(e.getValue())
                && conditionType.equals(query.get(e.getKey().substring(0, e.getKey().length() - "[field]".length()) + "[conditionType]"))) {
                return true;
            }
        }
        return false;
    }

    /** The value of a header, by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
