package org.magentokafka.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.magentokafka.net.NetworkSettings;
import org.magentokafka.net.ResponseBody;

/**
 * An admin user's token as Bearer, fetched with username/password (and a TOTP code when the store runs
 * Magento_TwoFactorAuth). The token is shared by all requests and renewed before it expires. Thread-safe.
 */
public final class AdminTokenAuthenticator implements Authenticator {

    /** oauth/access_token_expiration_period/admin default. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(4);
    private static final String TWO_FA_ANSWER = "2fa provider-specific endpoints";
    /** A token younger than this was just renewed by another request; renewing again would not help. */
    private static final Duration RECENTLY_RENEWED = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Token(String value, Instant obtainedAt) {
        @Override
        public String toString() {
            return "Token[****, obtainedAt=" + obtainedAt + "]";
        }
    }

    private final HttpClient http;
    private final URI passwordEndpoint;
    private final URI googleEndpoint;
    private final String username;
    private final String password;
    private final Totp totp;
    private final Duration renewAfter;
    private final Clock clock;
    private Token token;
    /** Set after bad credentials: every later call fails the same way without contacting the store. */
    private AuthFailureException fatal;

    public AdminTokenAuthenticator(HttpClient http, URI restBase, String username, String password, String totpSecret) {
        this(http, restBase, username, password, totpSecret, DEFAULT_TOKEN_LIFETIME, Clock.systemUTC());
    }

    /**
     * @param restBase      the REST base including "V1", e.g. https://store/rest/V1 or https://store/rest/default/V1
     * @param totpSecret    base32 Google Authenticator secret of the admin user, or null when 2FA is off
     * @param tokenLifetime the store's admin token lifetime; the token is renewed at 90% of it
     */
    public AdminTokenAuthenticator(HttpClient http, URI restBase, String username, String password, String totpSecret,
                                   Duration tokenLifetime, Clock clock) {
        this.http = Objects.requireNonNull(http);
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("magento.auth.username or magento.auth.password is empty: set both to"
                                               + " the admin user the connector signs in as");
        }
        String base = restBase.toString().replaceAll("/+$", "");
        this.passwordEndpoint = URI.create(base + "/integration/admin/token");
        this.googleEndpoint = URI.create(base + "/tfa/provider/google/authenticate");
        this.username = username.strip();
        this.password = password;
        this.totp = totpSecret == null || totpSecret.isBlank() ? null : new Totp(totpSecret);
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("magento.auth.token-lifetime must be positive, got " + tokenLifetime);
        }
        this.renewAfter = tokenLifetime.multipliedBy(9).dividedBy(10);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void authenticate(HttpRequest.Builder request, String method, URI uri) {
        request.header("Authorization", "Bearer " + currentToken());
    }

    @Override
    public synchronized boolean renewAfterUnauthorized() {
        if (fatal != null) {
            return false;
        }
        if (token != null && Duration.between(token.obtainedAt(), clock.instant()).compareTo(RECENTLY_RENEWED) < 0) {
            return true;
        }
        token = null;
        currentToken();
        return true;
    }

    private synchronized String currentToken() {
        if (fatal != null) {
            throw fatal;
        }
        Instant now = clock.instant();
        if (token == null || Duration.between(token.obtainedAt(), now).compareTo(renewAfter) >= 0) {
            token = new Token(fetch(), now);
        }
        return token.value();
    }

    private String fetch() {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
        URI endpoint = passwordEndpoint;
        if (totp != null) {
            // The password endpoint would only answer "use the 2fa endpoints", so go there directly.
            endpoint = googleEndpoint;
            body.put("otp", totp.code(clock.instant()));
        }
        HttpResponse<byte[]> response = post(endpoint, body);
        String text = decoded(endpoint, response);
        int status = response.statusCode();
        if (text.contains(TWO_FA_ANSWER)) {
            throw remember(new AuthFailureException("POST " + endpoint + " answered " + status + ": the store requires"
                    + " two-factor authentication; set magento.auth.totp-secret to the base32 secret of the admin"
                    + " user's Google Authenticator", false));
        }
        if (status == 401) {
            String what = totp == null ? "username/password" : "username/password or one-time code";
            throw remember(new AuthFailureException("POST " + endpoint + " answered 401: the " + what + " was refused"
                    + " (or the account is locked); fix magento.auth.username/password" + (totp == null ? "" :
                    "/totp-secret and the host clock") + " — not retried, because Magento locks the account for"
                    + " 30 minutes after 6 failures", false));
        }
        if (status != 200) {
            throw new AuthFailureException("POST " + endpoint + " answered " + status + " instead of a token: check"
                    + " that magento.base-url points at the store and the store is up; will retry", true);
        }
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed != null && parsed.isTextual() && !parsed.asText().isBlank()) {
                return parsed.asText();
            }
        } catch (IOException notJson) {
            // reported below
        }
        throw new AuthFailureException("POST " + endpoint + " answered 200 without a JSON string token: check that"
                + " magento.base-url points at the Magento REST API, not a proxy page; will retry", true);
    }

    /** Decoded like every answer of the store: a web server in front of Magento may compress this one too. */
    private static String decoded(URI endpoint, HttpResponse<byte[]> response) {
        try {
            return ResponseBody.of(response).text();
        } catch (ResponseBody.UndecodableBodyException e) {
            throw new AuthFailureException("POST " + endpoint + " returned " + e.getMessage() + "; will retry",
                    e.retryable(), e);
        }
    }

    private HttpResponse<byte[]> post(URI endpoint, ObjectNode body) {
        HttpRequest request = ResponseBody.acceptGzip(HttpRequest.newBuilder(endpoint))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            String tls = NetworkSettings.tlsProblem(e);
            if (tls != null) {
                throw new AuthFailureException("POST " + endpoint + " failed: " + tls + "; will retry", true, e);
            }
            throw new AuthFailureException("POST " + endpoint + " failed (" + e.getClass().getSimpleName() + "): check"
                    + " that the store is reachable from the connector; will retry", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthFailureException("POST " + endpoint + " was interrupted", true, e);
        }
    }

    private AuthFailureException remember(AuthFailureException e) {
        fatal = e;
        return e;
    }

    @Override
    public String describe() {
        return "admin token of user " + username + (totp == null ? "" : " with Google Authenticator 2FA");
    }

    @Override
    public String toString() {
        return "AdminTokenAuthenticator[" + describe() + ", password=****]";
    }
}
