package org.magentokafka.auth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.magentokafka.testing.MutableClock;

/** Against the sandbox store over real HTTP (test-only use of the simulator). */
class AdminTokenAuthenticatorTest {

    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(Instant.now());
    private SandboxStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private SandboxStore start(SandboxOptions.Builder options) {
        store = SandboxStore.start(options.productCount(5).clock(clock).build());
        return store;
    }

    private AdminTokenAuthenticator authenticator(String password, String totp) {
        return new AdminTokenAuthenticator(http, URI.create(store.baseUrl() + "/rest/default/V1"), "admin", password, totp,
                Duration.ofHours(4), clock);
    }

    private int get(Authenticator auth) throws IOException, InterruptedException {
        URI uri = URI.create(store.baseUrl() + "/rest/V1/products?searchCriteria%5BpageSize%5D=1");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        auth.authenticate(request, "GET", uri);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int tokenRequests() {
        return store.requests().matching("/integration/admin/token").size()
               + store.requests().matching("/tfa/provider/google/authenticate").size();
    }

    @Test
    void tokenIsReusedAndRenewedBeforeItExpires() throws Exception {
        start(SandboxOptions.builder().bearerAllowed(false));
        AdminTokenAuthenticator auth = authenticator("sandbox-admin-123", null);
        assertEquals(200, get(auth));
        assertEquals(200, get(auth));
        assertEquals(1, tokenRequests());
        clock.advance(Duration.ofMinutes(217));  // past 90% of 4 h, still inside the lifetime
        assertEquals(200, get(auth));
        assertEquals(2, tokenRequests());
    }

    @Test
    void a401RenewsTheTokenOnce() throws Exception {
        start(SandboxOptions.builder().adminTokenLifetime(Duration.ofMinutes(1)));
        AdminTokenAuthenticator auth = authenticator("sandbox-admin-123", null);  // believes in 4 h
        assertEquals(200, get(auth));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(401, get(auth));
        assertTrue(auth.renewAfterUnauthorized());
        assertEquals(200, get(auth));
        assertEquals(2, tokenRequests());
        // a second 401 right after a renewal does not fetch yet another token
        assertTrue(auth.renewAfterUnauthorized());
        assertEquals(2, tokenRequests());
    }

    @Test
    void badCredentialsAreNeverRetried() {
        start(SandboxOptions.builder());
        AdminTokenAuthenticator auth = authenticator("wrong-password", null);
        AuthFailureException first = assertThrows(AuthFailureException.class, () -> get(auth));
        assertFalse(first.retryable());
        assertTrue(first.getMessage().contains("6 failures"), first.getMessage());
        assertTrue(first.getMessage().contains("magento.auth.username/password"), first.getMessage());
        assertTrue(first.getMessage().contains("/V1/integration/admin/token"), first.getMessage());
        assertFalse(first.getMessage().contains("wrong-password"));
        assertThrows(AuthFailureException.class, () -> get(auth));
        assertFalse(auth.renewAfterUnauthorized());
        assertEquals(1, tokenRequests());
    }

    @Test
    void twoFactorStoreWithoutTotpSecretSaysWhatToSet() {
        start(SandboxOptions.builder().adminTotpSecret(TOTP_SECRET));
        AuthFailureException e = assertThrows(AuthFailureException.class,
                () -> get(authenticator("sandbox-admin-123", null)));
        assertTrue(e.getMessage().contains("magento.auth.totp-secret"), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void twoFactorStoreWithTotpSecretGivesAToken() throws Exception {
        start(SandboxOptions.builder().bearerAllowed(false).adminTotpSecret(TOTP_SECRET));
        AdminTokenAuthenticator auth = authenticator("sandbox-admin-123", "jbsw y3dp ehpk 3pxp");
        assertEquals(200, get(auth));
        assertEquals(1, store.requests().matching("/tfa/provider/google/authenticate").size());
        assertFalse(auth.toString().contains("sandbox-admin-123"));
    }
}
