package org.magentokafka.auth;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Adds a caller's credentials to a request. Implementations receive the final URI (with its query) because
 * OAuth 1.0a signs it. Implementations are thread-safe: the connector shares one across its routes.
 */
public interface Authenticator {

    void authenticate(HttpRequest.Builder request, String method, URI uri);

    /** Short description for logs and health output; never contains a secret. */
    String describe();

    /**
     * Called by the connector after the store answered 401. Returns true when new credentials were obtained and
     * the request is worth sending once more; the connector retries at most once per request, because Magento
     * answers the same 401 for a missing ACL resource, which no renewal can fix.
     */
    default boolean renewAfterUnauthorized() {
        return false;
    }
}
