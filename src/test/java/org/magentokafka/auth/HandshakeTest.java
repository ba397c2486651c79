package org.magentokafka.auth;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.net.PercentEncoding;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assertions;
import org.magentokafka.testing.MutableClock;

/** Activate in the sandbox → Callback URL → token exchange → signed catalog calls, over real HTTP. */
class HandshakeTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxStore store;
    private HttpServer callback;

    @AfterEach
    void close() {
        if (store != null) store.close();
        if (callback != null) callback.stop(0);
    }

    private URI startCallback(IntegrationHandshake handshake, AtomicReference<Object> outcome) throws Exception {
        callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callback.createContext("/magento/callback", exchange -> {
            Map<String, String> form = new HashMap<>();
            PercentEncoding.parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .forEach(e -> form.put(e.getKey(), e.getValue()));
            int status;
            try {
                outcome.set(handshake.complete(form));
                status = 200;
            } catch (HandshakeRejectedException e) {
                outcome.set(e);
                status = 400;
            } catch (RuntimeException e) {
                outcome.set(e);
                status = 502;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        callback.start();
        return URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/magento/callback");
    }

    @Test
    void activationExchangesTokensThatThenSignCatalogCalls(@TempDir Path dir) throws Exception {
        store = SandboxStore.start(SandboxOptions.builder().productCount(5).bearerAllowed(false)
                .oauthSignatureMethods(Set.of("HMAC-SHA256")).build());
        CredentialStore credentials = new CredentialStore(dir.resolve("integration.properties"));
        IntegrationHandshake handshake = new IntegrationHandshake(new CallbackValidator(URI.create(store.baseUrl())),
                new TokenExchange(http, SignatureMethod.HMAC_SHA256), credentials);
        AtomicReference<Object> outcome = new AtomicReference<>();
        URI callbackUrl = startCallback(handshake, outcome);

        int status = store.activateIntegration(callbackUrl);
        assertEquals(200, status, String.valueOf(outcome.get()));
        OAuth1Credentials issued = (OAuth1Credentials) outcome.get();
        assertEquals(store.options().oauthConsumerKey(), issued.consumerKey());
        assertEquals(issued.toString(), credentials.load().orElseThrow().toString());
        assertEquals(1, store.requests().matching("/oauth/token/request").size());
        assertEquals(1, store.requests().matching("/oauth/token/access").size());

        OAuth1Authenticator auth = new OAuth1Authenticator(credentials.load().orElseThrow(), SignatureMethod.HMAC_SHA256);
        for (String sku : new String[] {"24-MB01%2Fblue", "A%2BB%20%26%20C", "Caf%C3%A9"}) {
            URI uri = URI.create("http://localhost:" + store.port() + "/rest/default/V1/products/" + sku
                                 + "?fields=sku%2Cname");
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
            auth.authenticate(request, "GET", uri);
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // 404 "product doesn't exist" proves the signature passed: a bad one is a 401.
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 404, answer.statusCode() + " " + answer.body());
        }
        URI list = URI.create(store.baseUrl() + "/rest/V1/products?searchCriteria%5BpageSize%5D=2&searchCriteria%5B"
                              + "filterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=sku&searchCriteria%5BfilterGroups%5D%5B0%5D"
                              + "%5Bfilters%5D%5B0%5D%5Bvalue%5D=%25-%25&searchCriteria%5BfilterGroups%5D%5B0%5D"
                              + "%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=like");
        HttpRequest.Builder request = HttpRequest.newBuilder(list);
        auth.authenticate(request, "GET", list);
        HttpResponse<String> listed = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, listed.statusCode(), listed.body());
    }

    @Test
    void aReplayedCallbackIsRefusedAndForeignStoresAreNeverCalled() throws Exception {
        store = SandboxStore.start(SandboxOptions.builder().productCount(1).build());
        AtomicReference<Object> outcome = new AtomicReference<>();
        IntegrationHandshake foreign = new IntegrationHandshake(
                new CallbackValidator(URI.create("https://shop.example.com/")),
                new TokenExchange(http, SignatureMethod.HMAC_SHA256), null);
        URI callbackUrl = startCallback(foreign, outcome);
        assertEquals(400, store.activateIntegration(callbackUrl));
        assertTrue(outcome.get() instanceof HandshakeRejectedException);
        assertEquals(0, store.requests().matching("/oauth/token/request").size());
    }

    @Test
    void anExpiredConsumerKeyFailsTheExchangeWithAOneLineHint() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        store = SandboxStore.start(SandboxOptions.builder().productCount(1).clock(clock).build());
        CallbackValidator validator = new CallbackValidator(URI.create(store.baseUrl()));
        Map<String, String> form = new HashMap<>();
        // capture the form, then let the consumer key expire before exchanging
        callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callback.createContext("/cb", exchange -> {
            PercentEncoding.parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .forEach(e -> form.put(e.getKey(), e.getValue()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        callback.start();
        store.activateIntegration(URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/cb"));
        clock.advance(Duration.ofSeconds(301));
        AuthFailureException e = Assertions.assertThrows(AuthFailureException.class,
                () -> new TokenExchange(http, SignatureMethod.HMAC_SHA256).exchange(validator.accept(form)));
        assertTrue(e.getMessage().contains("/oauth/token/request") && e.getMessage().contains("expired"), e.getMessage());
    }
}
