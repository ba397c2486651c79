package org.magentokafka.sandbox;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link RequestAuthenticator} may look at. The absolute URI (scheme, host, port, raw path and raw
 * query) is there because OAuth 1.0a signs exactly those.
 *
 * @param headers lower-case header names
 * @param query   decoded query parameters in the order sent
 */
public record AuthRequest(String method, URI uri, Map<String, String> headers, Map<String, String> query) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
