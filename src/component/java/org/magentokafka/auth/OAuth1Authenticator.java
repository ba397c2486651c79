package org.magentokafka.auth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs every request with the integration's access token (OAuth 1.0a), the mode stores without
 * oauth/consumer/enable_integration_as_bearer require. Bodies are JSON, so only the query is signed.
 */
public final class OAuth1Authenticator implements Authenticator {

    private final OAuth1Signer signer;
    private final String accessToken;
    private final String accessTokenSecret;

    public OAuth1Authenticator(OAuth1Credentials credentials, SignatureMethod method) {
        this(new OAuth1Signer(credentials.consumerKey(), credentials.consumerSecret(), method),
                credentials.accessToken(), credentials.accessTokenSecret());
    }

    public OAuth1Authenticator(OAuth1Signer signer, String accessToken, String accessTokenSecret) {
        this.signer = Objects.requireNonNull(signer);
        if (accessToken == null || accessToken.isBlank() || accessTokenSecret == null || accessTokenSecret.isBlank()) {
            throw new IllegalArgumentException("magento.auth.access-token or magento.auth.access-token-secret is empty:"
                                               + " set both to the values shown for the integration in"
                                               + " System > Extensions > Integrations");
        }
        this.accessToken = accessToken.strip();
        this.accessTokenSecret = accessTokenSecret.strip();
    }

    @Override
    public void authenticate(HttpRequest.Builder request, String method, URI uri) {
        request.header("Authorization",
                signer.authorizationHeader(method, uri, List.of(), accessToken, accessTokenSecret, Map.of()));
    }

    @Override
    public String describe() {
        return "OAuth 1.0a " + signer.method().oauthName() + " (consumer key " + signer.consumerKey() + ")";
    }

    @Override
    public String toString() {
        return "OAuth1Authenticator[" + describe() + ", secrets=****]";
    }
}
