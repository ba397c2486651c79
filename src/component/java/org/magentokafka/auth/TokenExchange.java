package org.magentokafka.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.magentokafka.net.NetworkSettings;
import org.magentokafka.net.PercentEncoding;
import org.magentokafka.net.OneLine;
import org.magentokafka.net.ResponseBody;

/**
 * The two signed POSTs of Magento's integration handshake: request token, then access token with the verifier.
 * Both endpoints answer form-encoded, errors as oauth_problem=...
 */
public final class TokenExchange {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final SignatureMethod method;
    private final Clock clock;
    private final Supplier<String> nonces;

    public TokenExchange(HttpClient http, SignatureMethod method) {
        this(http, method, Clock.systemUTC(), OAuth1Signer::randomNonce);
    }

    public TokenExchange(HttpClient http, SignatureMethod method, Clock clock, Supplier<String> nonces) {
        this.http = Objects.requireNonNull(http);
        this.method = Objects.requireNonNull(method);
        this.clock = Objects.requireNonNull(clock);
        this.nonces = Objects.requireNonNull(nonces);
    }

    public OAuth1Credentials exchange(CallbackForm form) {
        OAuth1Signer signer = new OAuth1Signer(form.consumerKey(), form.consumerSecret(), method, clock, nonces);
        String store = form.storeBaseUrl().toString().replaceAll("/+$", "");
        Map<String, String> request = post(signer, URI.create(store + "/oauth/token/request"), null, null, Map.of());
        Map<String, String> access = post(signer, URI.create(store + "/oauth/token/access"),
                request.get("oauth_token"), request.get("oauth_token_secret"),
                Map.of("oauth_verifier", form.verifier()));
        return new OAuth1Credentials(form.consumerKey(), form.consumerSecret(), access.get("oauth_token"),
                access.get("oauth_token_secret"));
    }

    private Map<String, String> post(OAuth1Signer signer, URI endpoint, String token, String tokenSecret,
                                     Map<String, String> extraOauth) {
        String header = signer.authorizationHeader("POST", endpoint, List.of(), token, tokenSecret, extraOauth);
        HttpRequest request = ResponseBody.acceptGzip(HttpRequest.newBuilder(endpoint)).timeout(TIMEOUT)
                .header("Authorization", header)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            String tls = NetworkSettings.tlsProblem(e);
            if (tls != null) {
                throw new AuthFailureException("POST " + endpoint + " failed: " + tls + ", then click Reauthorize", true, e);
            }
            throw new AuthFailureException("POST " + endpoint + " failed (" + e.getClass().getSimpleName() + "): check"
                    + " that the store is reachable from the connector, then click Reauthorize", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthFailureException("POST " + endpoint + " was interrupted", true, e);
        }
        String body;
        try {
            // Decoded like every answer of the store: a web server in front of Magento may compress this one too.
            body = ResponseBody.of(response).text();
        } catch (ResponseBody.UndecodableBodyException e) {
            throw new AuthFailureException("POST " + endpoint + " returned " + e.getMessage() + ", then click Reauthorize",
                    e.retryable(), e);
        }
        Map<String, String> fields = new HashMap<>();
        PercentEncoding.parseForm(body).forEach(e -> fields.put(e.getKey(), e.getValue()));
        String tokenValue = fields.get("oauth_token");
        String secretValue = fields.get("oauth_token_secret");
        if (response.statusCode() != 200 || tokenValue == null || secretValue == null) {
            String problem = fields.getOrDefault("oauth_problem", "no oauth_token in the answer");
            throw new AuthFailureException("POST " + endpoint + " answered " + response.statusCode() + " ("
                    + OneLine.of(problem) + "): the consumer key expires 300 s after Activate and the host clock must be"
                    + " right; click Reauthorize on the integration", false);
        }
        return Map.ofEntries(new AbstractMap.SimpleImmutableEntry<>("oauth_token", tokenValue),
                new AbstractMap.SimpleImmutableEntry<>("oauth_token_secret", secretValue));
    }
}
