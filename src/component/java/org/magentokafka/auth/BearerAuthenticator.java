package org.magentokafka.auth;

import java.net.URI;
import java.net.http.HttpRequest;

/** Integration or admin access token sent as {@code Authorization: Bearer}. */
public final class BearerAuthenticator implements Authenticator {

    private final String token;

    public BearerAuthenticator(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    "magento.auth.access-token is empty: set it (env MAGENTO_AUTH_ACCESS_TOKEN) to the integration's"
                                               + " Access Token shown in System > Extensions > Integrations");
        }
        this.token = token.strip();
    }

    @Override
    public void authenticate(HttpRequest.Builder request, String method, URI uri) {
        request.header("Authorization", "Bearer " + token);
    }

    @Override
    public String describe() {
        return "bearer access token";
    }

    @Override
    public String toString() {
        return "BearerAuthenticator[****]";
    }
}
