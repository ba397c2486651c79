package org.magentokafka.auth;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Adds a caller's credentials to a request. Implementations receive the final URI (with its query) because
 * OAuth 1.0a signs it.
 */
public interface Authenticator {

    void authenticate(HttpRequest.Builder request, String method, URI uri);

    /** Short description for logs and health output; never contains a secret. */
    String describe();
}
