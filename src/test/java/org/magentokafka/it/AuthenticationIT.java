package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.SandboxCredentials;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Every way a store lets the connector in, end to end against the simulator over HTTP, with the failures a
 * merchant meets spelled out, and no secret ever in the connector's output.
 */
class AuthenticationIT {

    private static final int PRODUCTS = 60;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern SYNCED = Pattern.compile("magento:products synced " + PRODUCTS + " items");
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    @AutoClose
    private static ConnectorEnvironment plain;
    @AutoClose
    private static ConnectorEnvironment twoFactor;
    /** Activation replaces the integration's access token, so the handshake gets a store of its own. */
    @AutoClose
    private static ConnectorEnvironment handshake;
    private static SandboxStore store;
    private static SandboxStore twoFactorStore;
    private static SandboxStore handshakeStore;
    private ConnectorProcess connector;

    @BeforeAll
    static void startStores() {
        plain = environment(SandboxOptions.builder().productCount(PRODUCTS).bearerAllowed(false).storeCodes(List.of("default")));
        twoFactor = environment(SandboxOptions.builder().productCount(PRODUCTS).adminTotpSecret(TOTP_SECRET).storeCodes(List.of("default")));
        handshake = environment(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")));
        store = plain.store();
        twoFactorStore = twoFactor.store();
        handshakeStore = handshake.store();
    }

    /** Runs before the environments close: every connector's output is still there. */
    @AfterAll
    static void noSecretInAnyOutput() {
        assertNoSecretInAnyOutput();
    }

    @AfterEach
    void stopConnector() {
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void oauth1WithHmacSha256SignsEveryRequest() {
        store.requests().clear();
        connector = start("oauth1-sha256", plain, oauth1("HMAC-SHA256"));
        connector.awaitLine(SYNCED, WAIT);
        assertTrue(store.requests().matching("/V1/products").stream()
                .allMatch(r -> String.valueOf(r.header("authorization")).startsWith("OAuth ")
                               && r.header("authorization").contains("oauth_signature_method=\"HMAC-SHA256\"")));
    }

    @Test
    void oauth1WithHmacSha1SignsEveryRequest() {
        connector = start("oauth1-sha1", plain, oauth1("HMAC-SHA1"));
        connector.awaitLine(SYNCED, WAIT);
    }

    @Test
    void anAdminAccountGetsATokenOnceAndReusesIt() {
        store.requests().clear();
        connector = start("admin", plain, SandboxCredentials.admin(store));
        connector.awaitLine(SYNCED, WAIT);
        assertEquals(1, store.requests().matching("/V1/integration/admin/token").size(), "one token for all requests");
    }

    @Test
    void anAdminAccountWithTwoFactorAuthUsesTheTotpSecret() {
        connector = start("admin-2fa", twoFactor, SandboxCredentials.admin(twoFactorStore));
        connector.awaitLine(SYNCED, WAIT);
        assertFalse(twoFactorStore.requests().matching("/V1/tfa/provider/google/authenticate").isEmpty());
    }

    @Test
    void twoFactorAuthWithoutASecretSaysWhichPropertyToSet() {
        connector = start("admin-2fa-missing", twoFactor, Map.of("MAGENTO_AUTH_MODE", "admin",
                "MAGENTO_AUTH_USERNAME", twoFactorStore.options().adminUsername(),
                "MAGENTO_AUTH_PASSWORD", twoFactorStore.options().adminPassword()));
        String line = connector.awaitLine(Pattern.compile("poll failed"), WAIT);
        assertTrue(line.contains("magento.auth.totp-secret"), line);
    }

    @Test
    void aWrongAdminPasswordIsNeverRetried() {
        store.requests().clear();
        connector = start("admin-bad-password", plain, Map.of("MAGENTO_AUTH_MODE", "admin",
                "MAGENTO_AUTH_USERNAME", store.options().adminUsername(),
                "MAGENTO_AUTH_PASSWORD", "wrong-password-123"));
        String line = connector.awaitLine(Pattern.compile("poll failed"), WAIT);
        assertTrue(line.contains("magento.auth.password") || line.contains("magento.auth.username"), line);
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < deadline && connector.count(Pattern.compile("poll failed")) < 3) {
            sleep(100);
        }
        assertTrue(connector.count(Pattern.compile("poll failed")) >= 3, "polling goes on");
        assertEquals(1, store.requests().matching("/V1/integration/admin/token").size(),
                "a refused password is tried once: 6 failures would lock the account");
    }

    @Test
    void aRefusedBearerTokenExplainsBothCausesAndTheOauth1Fix() {
        connector = start("bearer-refused", plain, Map.of("MAGENTO_AUTH_MODE", "bearer",
                "MAGENTO_AUTH_ACCESS_TOKEN", store.options().accessToken()));
        String line = connector.awaitLine(Pattern.compile("answered 401"), WAIT);
        assertTrue(line.contains("Magento_Catalog::products") && line.contains("2.4.4") && line.contains("magento.auth.mode=oauth1"), line);
    }

    @Test
    void theIntegrationHandshakeHandsOverCredentialsAndPollingStartsWithoutARestart() throws Exception {
        Path credentials = Path.of("target/it-state/handshake-" + System.nanoTime() + "/oauth.properties").toAbsolutePath();
        Map<String, String> env = Map.of("MAGENTO_AUTH_MODE", "handshake",
                "MAGENTO_AUTH_CREDENTIALS_FILE", credentials.toString());
        connector = start("handshake", handshake, env);
        connector.awaitLine(Pattern.compile("not activated yet"), WAIT);
        int port = connector.httpPort(WAIT);

        int status = handshakeStore.activateIntegration(URI.create("http://127.0.0.1:" + port + "/magento/callback"));
        assertEquals(200, status, "the Callback URL answers Magento's POST");
        connector.awaitLine(SYNCED, WAIT);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)),
                "credentials readable by the connector's user only");

        connector.stop();
        connector = start("handshake-restarted", handshake, env);
        connector.awaitLine(Pattern.compile("Apache Camel .* started"), WAIT);
        sleep(3000);
        assertEquals(0, connector.count(Pattern.compile("not activated yet")), "stored credentials are used after a restart");
        assertEquals(0, connector.count(Pattern.compile("poll failed")), connector.output());
    }

    @Test
    void aForeignOrMalformedCallbackIsRefusedAndChangesNothing() throws Exception {
        Path credentials = Path.of("target/it-state/handshake-bad-" + System.nanoTime() + "/oauth.properties").toAbsolutePath();
        connector = start("handshake-bad", handshake, Map.of("MAGENTO_AUTH_MODE", "handshake",
                "MAGENTO_AUTH_CREDENTIALS_FILE", credentials.toString()));
        int port = connector.httpPort(WAIT);
        var http = HttpClient.newHttpClient();
        for (String form : List.of("oauth_consumer_key=k&oauth_consumer_secret=s&store_base_url=http%3A%2F%2Fevil.example%2F&oauth_verifier=v",
                "garbage")) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/magento/callback"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), form);
        }
        assertFalse(Files.exists(credentials), "nothing stored");
    }

    @Test
    void aFloodOfCallbacksIsBoundedAndWhatItPostsCannotForgeLogLines() throws Exception {
        // Each accepted POST makes the connector exchange its verifier with the store: a slow store keeps them waiting.
        try (ConnectorEnvironment slow = environment(SandboxOptions.builder().productCount(1).storeCodes(List.of("default"))
                .latencyMillis(3000))) {
            Path credentials = Path.of("target/it-state/handshake-flood-" + System.nanoTime() + "/oauth.properties").toAbsolutePath();
            connector = start("handshake-flood", slow, Map.of("MAGENTO_AUTH_MODE", "handshake",
                    "MAGENTO_AUTH_CREDENTIALS_FILE", credentials.toString()));
            int port = connector.httpPort(WAIT);
            var http = HttpClient.newHttpClient();
            String store = java.net.URLEncoder.encode(slow.store().baseUrl() + "/", java.nio.charset.StandardCharsets.UTF_8);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                statuses.add(post(http, port, "oauth_consumer_key=flood" + i + "&oauth_consumer_secret=s&store_base_url=" + store
                                              + "&oauth_verifier=v" + i));
            }
            assertEquals(200, statuses.get(0), statuses.toString());
            assertTrue(statuses.contains(503), "a flood is refused, not queued without end: " + statuses);
            assertEquals(409, post(http, port, "oauth_consumer_key=flood0&oauth_consumer_secret=s&store_base_url=" + store
                                               + "&oauth_verifier=again"), "one activation per consumer key at a time");
            assertEquals(400, post(http, port, "oauth_consumer_key=k&oauth_consumer_secret=s&oauth_verifier=v&store_base_url="
                                               + "http%3A%2F%2Fevil.example%2F%0A00%3A00%3A00.000+ERROR+%5Bforged%5D+line%1B%5B2J"));
            connector.awaitLine(Pattern.compile("Integration handshake POST refused: Callback URL: store_base_url"), WAIT);
            assertTrue(connector.lines().stream().noneMatch(l -> l.contains("[forged]") && !l.contains("refused")),
                    "a posted newline cannot start a log line of its own:\n" + connector.output());
            assertTrue(connector.lines().stream().noneMatch(l -> l.indexOf('\u001b') >= 0), "nor a terminal escape");
            assertTrue(connector.isAlive());
        }
    }

    private static int post(HttpClient http, int port, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/magento/callback"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static Map<String, String> oauth1(String method) {
        return SandboxCredentials.oauth1(store, method);
    }

    private static ConnectorEnvironment environment(SandboxOptions.Builder storeOptions) {
        return ConnectorEnvironment.builder().store(storeOptions.build()).withoutStoreToken()
                .pollInterval("500ms").env("MAGENTO_ERROR_BACKOFF_MAX", "1s")
                .topic("products", "auth").otherStreamsDisabled().start();
    }

    private ConnectorProcess start(String name, ConnectorEnvironment target, Map<String, String> auth) {
        return target.start("auth-" + name, auth);
    }

    /** No credential of any mode ever appears in what the connector printed (logs, errors, health output). */
    private static void assertNoSecretInAnyOutput() {
        List<String> secrets = new ArrayList<>(List.of(store.options().accessToken(), store.options().oauthConsumerSecret(),
                store.options().oauthAccessToken(), store.options().oauthAccessTokenSecret(), store.options().adminPassword(),
                twoFactorStore.options().adminPassword(), TOTP_SECRET, "wrong-password-123"));
        for (ConnectorProcess p : Stream.of(plain, twoFactor, handshake).flatMap(e -> e.started().stream()).toList()) {
            String out = p.output();
            for (String secret : secrets) {
                assertFalse(out.contains(secret), "a secret appears in the output of a connector:\n" + out);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
