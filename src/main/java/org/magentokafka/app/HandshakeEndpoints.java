package org.magentokafka.app;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.magentokafka.auth.CallbackValidator;
import org.magentokafka.auth.CredentialStore;
import org.magentokafka.auth.HandshakeRejectedException;
import org.magentokafka.auth.IntegrationHandshake;
import org.magentokafka.auth.OAuth1Credentials;
import org.magentokafka.auth.SignatureMethod;
import org.magentokafka.auth.TokenExchange;
import org.magentokafka.auth.AuthMode;
import org.magentokafka.component.MagentoComponent;
import org.magentokafka.net.OneLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/**
 * The integration handshake's two URLs (magento.auth.mode=handshake). Magento POSTs the consumer key/secret and
 * a verifier to the Callback URL and waits at most 5 s: the answer is immediate and the token exchange runs right
 * after. The Identity Link URL (Magento's popup) waits for that exchange and redirects to success_call_back.
 */
@Singleton
public class HandshakeEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeEndpoints.class);
    private static final List<String> FORM_FIELDS = List.of("oauth_consumer_key", "oauth_consumer_secret",
            "store_base_url", "oauth_verifier");

    /** Activations waiting for their token exchange: a few at most; a flood is refused, never queued without end. */
    private static final int WAITING = 4;
    /** Consumer keys remembered for the Identity Link (the newest ones; an integration is activated once). */
    private static final int REMEMBERED = 16;

    private final ExecutorService exchanges = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(WAITING), r -> {
                Thread t = new Thread(r, "magento-handshake");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.AbortPolicy());
    private final Map<String, CompletableFuture<OAuth1Credentials>> byConsumerKey = Collections.synchronizedMap(
            new LinkedHashMap<>(REMEMBERED, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<OAuth1Credentials>> eldest) {
                    return size() > REMEMBERED;
                }
            });
    private volatile IntegrationHandshake handshake;

    @Inject
    ConnectorSettings connector;

    @Named("handshakeCallback")
    @Produces
    @Singleton
    Processor callback() {
        return this::onCallback;
    }

    @Named("handshakeIdentity")
    @Produces
    @Singleton
    Processor identity() {
        return this::onIdentityLink;
    }

    private void onCallback(Exchange exchange) {
        if (!handshakeMode()) {
            answer(exchange, 404, "text/plain", "The integration handshake is off: magento.auth.mode is not handshake");
            return;
        }
        Map<String, String> form = form(exchange.getMessage().getBody());
        try {
            // Validates first (fields, store URL, replay): a bad POST changes nothing.
            IntegrationHandshake h = handshake(exchange.getContext());
            String key = form.get("oauth_consumer_key");
            var accepted = h.validate(form);
            CompletableFuture<OAuth1Credentials> running = byConsumerKey.get(key);
            if (running != null && !running.isDone()) {
                // One token exchange per consumer key at a time: each sends a signed POST to the store.
                answer(exchange, 409, "text/plain", "An activation of this consumer key is already under way");
                return;
            }
            CompletableFuture<OAuth1Credentials> done;
            try {
                done = CompletableFuture.supplyAsync(() -> h.complete(accepted), exchanges);
            } catch (RejectedExecutionException busy) {
                LOG.warn("Integration handshake POST refused: {} activations are already waiting", WAITING);
                answer(exchange, 503, "text/plain", "Too many activations under way; try again");
                return;
            }
            byConsumerKey.put(key, done);
            done.whenComplete((credentials, failure) -> {
                if (failure == null) {
                    exchange.getContext().getComponent("magento", MagentoComponent.class).installHandshakeCredentials(credentials);
                    LOG.info("Integration handshake complete: OAuth credentials received and stored; polling with oauth1 signatures");
                } else {
                    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                    LOG.warn("Integration handshake failed: {}", OneLine.of(cause.getMessage()));
                }
            });
            answer(exchange, 200, "text/plain", "OK");
        } catch (HandshakeRejectedException e) {
            // What the POST carried reaches the log folded and cut: a peer cannot forge lines or flood it.
            LOG.warn("Integration handshake POST refused: {}", OneLine.of(e.getMessage()));
            answer(exchange, 400, "text/plain", OneLine.of(e.getMessage()));
        }
    }

    private void onIdentityLink(Exchange exchange) {
        if (!handshakeMode()) {
            answer(exchange, 404, "text/plain", "The integration handshake is off: magento.auth.mode is not handshake");
            return;
        }
        String key = exchange.getMessage().getHeader("oauth_consumer_key", String.class);
        String successCallBack = exchange.getMessage().getHeader("success_call_back", String.class);
        String store = connector.baseUrl();
        if (successCallBack == null || !successCallBack.startsWith(store.replaceAll("/+$", "") + "/")) {
            answer(exchange, 400, "text/plain", "success_call_back must be a URL of the configured store (magento.base-url)");
            return;
        }
        CompletableFuture<OAuth1Credentials> done = key == null ? null : byConsumerKey.get(key);
        try {
            if (done == null) {
                throw new IllegalStateException("no Activate was received for this consumer key");
            }
            done.get(20, TimeUnit.SECONDS);
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 302);
            exchange.getMessage().setHeader("Location", successCallBack);
            exchange.getMessage().setBody("");
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            answer(exchange, 400, "text/plain", "The connector could not complete the activation: " + cause.getMessage());
        }
    }

    private IntegrationHandshake handshake(CamelContext context) {
        if (handshake == null) {
            synchronized (this) {
                if (handshake == null) {
                    SignatureMethod method = connector.signatureMethod();
                    // The store's client: the token exchange goes through magento.proxy.* and trusts magento.tls.*.
                    HttpClient http = context.getComponent("magento", MagentoComponent.class).httpClient();
                    handshake = new IntegrationHandshake(
                            new CallbackValidator(URI.create(connector.baseUrl())),
                            new TokenExchange(http, method),
                            new CredentialStore(Path.of(connector.credentialsFile())));
                }
            }
        }
        return handshake;
    }

    private boolean handshakeMode() {
        return connector.authMode() == AuthMode.HANDSHAKE;
    }

    /** platform-http hands a url-encoded form over as a map; any other content type as text. */
    private static Map<String, String> form(Object body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> map) {
            for (String field : FORM_FIELDS) {
                Object value = map.get(field);
                if (value instanceof List<?> list) {
                    value = list.isEmpty() ? null : list.get(0);
                }
                if (value != null) {
                    form.put(field, value.toString());
                }
            }
            return form;
        }
        if (body == null) {
            return form;
        }
        for (String pair : body.toString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void answer(Exchange exchange, int status, String contentType, String body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setBody(body);
    }

    @PreDestroy
    void stop() {
        exchanges.shutdownNow();
    }
}
