package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OAuth 1.0a, admin token and integration activation endpoints of the sandbox, over real HTTP. */
class AuthEndpointsTest {

    static final class TestClock extends Clock {
        volatile Instant now = Instant.now();
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static final String TOTP = "JBSWY3DPEHPK3PXP";
    private final HttpClient http = HttpClient.newHttpClient();
    private final TestClock clock = new TestClock();
    private SandboxStore store;
    private HttpServer callback;

    @AfterEach
    void close() {
        if (store != null) store.close();
        if (callback != null) callback.stop(0);
    }

    private SandboxStore start(SandboxOptions.Builder b) {
        store = SandboxStore.start(b.productCount(5).clock(clock).build());
        return store;
    }

    /** Signs with the sandbox's own math; the connector's signer is checked against it in the auth tests. */
    private String oauthHeader(String method, URI uri, String method1, String token, String tokenSecret,
                               String nonce, long timestamp, Map<String, String> extra, String consumerSecret) {
        Map<String, String> oauth = new TreeMap<>(extra);
        oauth.put("oauth_consumer_key", store.options().oauthConsumerKey());
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_signature_method", method1);
        oauth.put("oauth_timestamp", Long.toString(timestamp));
        oauth.put("oauth_version", "1.0");
        if (token != null) oauth.put("oauth_token", token);
        List<Map.Entry<String, String>> params = new ArrayList<>(OAuthMath.formPairs(uri.getRawQuery()));
        params.addAll(oauth.entrySet());
        oauth.put("oauth_signature", OAuthMath.sign(method1, OAuthMath.baseString(method, uri, params), consumerSecret, tokenSecret));
        StringJoiner header = new StringJoiner(", ", "OAuth ", "");
        oauth.forEach((k, v) -> header.add(k + "=\"" + OAuthMath.rfc3986(v) + "\""));
        return header.toString();
    }

    private String signed(String signatureMethod, String nonce, long timestamp) {
        SandboxOptions o = store.options();
        URI uri = URI.create(store.baseUrl() + "/rest/V1/products?searchCriteria%5BpageSize%5D=1");
        return oauthHeader("GET", uri, signatureMethod, o.oauthAccessToken(), o.oauthAccessTokenSecret(), nonce, timestamp,
                Map.of(), o.oauthConsumerSecret());
    }

    private HttpResponse<String> send(String method, String path, String authorization, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(store.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) b.header("Authorization", authorization);
        if (contentType != null) b.header("Content-Type", contentType);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getProducts(String authorization) throws Exception {
        return send("GET", "/rest/V1/products?searchCriteria%5BpageSize%5D=1", authorization, null, null);
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private long now() {
        return clock.now.getEpochSecond();
    }

    @Test
    void signedRequestsPassWithBothMethodsAndFailLikeMagento() throws Exception {
        start(SandboxOptions.builder().bearerAllowed(false));
        assertEquals(200, getProducts(signed("HMAC-SHA256", nonce(), now())).statusCode());
        assertEquals(200, getProducts(signed("HMAC-SHA1", nonce(), now())).statusCode());

        String header = signed("HMAC-SHA256", "fixednonce", now());
        assertEquals(200, getProducts(header).statusCode());
        HttpResponse<String> replay = getProducts(header);
        assertEquals(401, replay.statusCode());
        assertEquals("{\"message\":\"The nonce is already being used by the consumer with ID %1\",\"parameters\":[\"1\"]}",
                replay.body());

        HttpResponse<String> tampered = getProducts(signed("HMAC-SHA256", nonce(), now()).replace("oauth_signature=\"", "oauth_signature=\"x"));
        assertEquals(401, tampered.statusCode());
        assertEquals("{\"message\":\"The signature is invalid. Verify and try again.\"}", tampered.body());

        HttpResponse<String> future = getProducts(signed("HMAC-SHA256", nonce(), now() + 3600));
        assertEquals(400, future.statusCode());
        assertTrue(future.body().contains("Incorrect timestamp value in the oauth_timestamp parameter"), future.body());
        assertTrue(store.requests().size() >= 6);
    }

    @Test
    void sha1CanBeTurnedOffLikeRecentMagento() throws Exception {
        start(SandboxOptions.builder().oauthSignatureMethods(Set.of("HMAC-SHA256")));
        HttpResponse<String> answer = getProducts(signed("HMAC-SHA1", nonce(), now()));
        assertEquals(400, answer.statusCode());
        assertEquals("{\"message\":\"Signature method %1 is not supported\",\"parameters\":[\"HMAC-SHA1\"]}", answer.body());
    }

    @Test
    void activationPostsTheFormAndTheTokenExchangeGivesAWorkingAccessToken() throws Exception {
        start(SandboxOptions.builder().bearerAllowed(false));
        Map<String, String> form = new HashMap<>();
        callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callback.createContext("/cb", exchange -> {
            OAuthMath.formPairs(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .forEach(e -> form.put(e.getKey(), e.getValue()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        callback.start();
        assertEquals(204, store.activateIntegration(URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/cb")));
        assertEquals(store.options().oauthConsumerKey(), form.get("oauth_consumer_key"));
        assertEquals(store.options().oauthConsumerSecret(), form.get("oauth_consumer_secret"));
        assertEquals(store.baseUrl() + "/", form.get("store_base_url"));
        String verifier = form.get("oauth_verifier");
        assertEquals(32, verifier.length());

        String secret = store.options().oauthConsumerSecret();
        URI requestUri = URI.create(store.baseUrl() + "/oauth/token/request");
        HttpResponse<String> request = send("POST", "/oauth/token/request",
                oauthHeader("POST", requestUri, "HMAC-SHA256", null, null, nonce(), now(), Map.of(), secret), null, null);
        assertEquals(200, request.statusCode(), request.body());
        Map<String, String> rt = formMap(request.body());

        URI accessUri = URI.create(store.baseUrl() + "/oauth/token/access");
        HttpResponse<String> wrongVerifier = send("POST", "/oauth/token/access", oauthHeader("POST", accessUri, "HMAC-SHA256",
                rt.get("oauth_token"), rt.get("oauth_token_secret"), nonce(), now(), Map.of("oauth_verifier", "x".repeat(32)), secret),
                null, null);
        assertEquals(401, wrongVerifier.statusCode());
        assertTrue(wrongVerifier.body().startsWith("oauth_problem="), wrongVerifier.body());

        HttpResponse<String> access = send("POST", "/oauth/token/access", oauthHeader("POST", accessUri, "HMAC-SHA256",
                rt.get("oauth_token"), rt.get("oauth_token_secret"), nonce(), now(), Map.of("oauth_verifier", verifier), secret),
                null, null);
        assertEquals(200, access.statusCode(), access.body());
        Map<String, String> at = formMap(access.body());

        URI products = URI.create(store.baseUrl() + "/rest/V1/products?searchCriteria%5BpageSize%5D=1");
        assertEquals(200, getProducts(oauthHeader("GET", products, "HMAC-SHA256", at.get("oauth_token"),
                at.get("oauth_token_secret"), nonce(), now(), Map.of(), secret)).statusCode());
        assertEquals(401, getProducts(signed("HMAC-SHA256", nonce(), now())).statusCode(), "old access token replaced");
        assertEquals(1, store.requests().matching("/oauth/token/request").size());

        clock.now = clock.now.plus(Duration.ofSeconds(301));
        HttpResponse<String> expired = send("POST", "/oauth/token/request",
                oauthHeader("POST", requestUri, "HMAC-SHA256", null, null, nonce(), now(), Map.of(), secret), null, null);
        assertEquals(401, expired.statusCode());
        assertEquals("oauth_problem=Consumer%20key%20has%20expired", expired.body());
    }

    private static Map<String, String> formMap(String body) {
        Map<String, String> map = new HashMap<>();
        OAuthMath.formPairs(body).forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private HttpResponse<String> adminToken(String password) throws Exception {
        return send("POST", "/rest/V1/integration/admin/token", null, "application/json",
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
    }

    @Test
    void adminTokenWorksAsBearerUntilItExpires() throws Exception {
        start(SandboxOptions.builder().bearerAllowed(false).adminTokenLifetime(Duration.ofMinutes(5)));
        HttpResponse<String> answer = adminToken("sandbox-admin-123");
        assertEquals(200, answer.statusCode(), answer.body());
        String token = StoreClient.JSON.readTree(answer.body()).asText();
        assertEquals(200, getProducts("Bearer " + token).statusCode());
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertEquals(401, getProducts("Bearer " + token).statusCode());
        assertEquals(1, store.requests().matching("/V1/integration/admin/token").size());
    }

    @Test
    void sixFailuresLockTheAccountForThirtyMinutes() throws Exception {
        start(SandboxOptions.builder());
        String refused = "{\"message\":\"" + AdminAccounts.SIGN_IN_INCORRECT + "\"}";
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> answer = adminToken("wrong");
            assertEquals(401, answer.statusCode());
            assertEquals(refused, answer.body());
        }
        assertEquals(401, adminToken("sandbox-admin-123").statusCode(), "locked even with the right password");
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertEquals(200, adminToken("sandbox-admin-123").statusCode());
    }

    @Test
    void twoFactorStoresSendCallersToTheGoogleEndpoint() throws Exception {
        start(SandboxOptions.builder().bearerAllowed(false).adminTotpSecret(TOTP));
        HttpResponse<String> answer = adminToken("sandbox-admin-123");
        assertEquals(401, answer.statusCode());
        JsonNode body = StoreClient.JSON.readTree(answer.body());
        assertEquals("Please use the 2fa provider-specific endpoints to obtain a token.", body.get("message").asText());
        assertEquals("google", body.get("parameters").get("active_providers").get(0).asText());

        String path = "/rest/V1/tfa/provider/google/authenticate";
        HttpResponse<String> wrong = send("POST", path, null, "application/json",
                "{\"username\":\"admin\",\"password\":\"sandbox-admin-123\",\"otp\":\"000000\"}");
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> right = send("POST", path, null, "application/json",
                "{\"username\":\"admin\",\"password\":\"sandbox-admin-123\",\"otp\":\"" + store.currentAdminOtp() + "\"}");
        assertEquals(200, right.statusCode(), right.body());
        assertEquals(200, getProducts("Bearer " + StoreClient.JSON.readTree(right.body()).asText()).statusCode());
    }

    @Test
    void totpAcceptsOneStepOfClockSkew() {
        SandboxTotp totp = new SandboxTotp(TOTP);
        Instant t = Instant.ofEpochSecond(1_700_000_000L);
        assertTrue(totp.accepts(totp.codeAt(t.minusSeconds(30)), t));
        assertTrue(totp.accepts(totp.codeAt(t.plusSeconds(30)), t));
        assertEquals(false, totp.accepts(totp.codeAt(t.minusSeconds(90)), t));
        // RFC 6238 Appendix B, last 6 digits, secret "12345678901234567890"
        assertEquals("287082", new SandboxTotp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").codeAt(Instant.ofEpochSecond(59)));
    }
}
