package org.magentokafka.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.magentokafka.auth.AdminTokenAuthenticator;
import org.magentokafka.auth.AnonymousAuthenticator;
import org.magentokafka.auth.AuthMode;
import org.magentokafka.auth.Authenticator;
import org.magentokafka.auth.BearerAuthenticator;
import org.magentokafka.auth.CredentialStore;
import org.magentokafka.auth.HandshakeAuthenticator;
import org.magentokafka.auth.OAuth1Authenticator;
import org.magentokafka.auth.OAuth1Credentials;
import org.magentokafka.client.StoreAddress;

/**
 * One authenticator per store and mode, shared by every endpoint of that store: an admin token is fetched once
 * and reused by all streams, a handshake's credentials reach every stream at once.
 */
final class Authenticators {

    private final Map<String, Authenticator> byStore = new ConcurrentHashMap<>();

    /** @param http the store's client (proxy, trusted CAs): the admin token endpoints are called through it */
    Authenticator forStore(MagentoConfiguration conf, StoreAddress address, HttpClient http) {
        AuthMode mode = conf.getAuthMode();
        String key = mode + "|" + address.baseUrl() + address.restPath();
        return byStore.computeIfAbsent(key, k -> create(mode, conf, address, http));
    }

    /** The handshake authenticator of a store, for the Callback URL endpoint to install credentials into. */
    HandshakeAuthenticator handshake(MagentoConfiguration conf, StoreAddress address, HttpClient http) {
        Authenticator a = forStore(conf, address, http);
        if (!(a instanceof HandshakeAuthenticator h)) {
            throw new IllegalStateException("magento.auth.mode is not handshake");
        }
        return h;
    }

    private Authenticator create(AuthMode mode, MagentoConfiguration conf, StoreAddress address, HttpClient http) {
        return switch (mode) {
            case NONE -> new AnonymousAuthenticator();
            case BEARER -> new BearerAuthenticator(conf.getAccessToken());
            case OAUTH1 -> new OAuth1Authenticator(new OAuth1Credentials(
                    required(conf.getConsumerKey(), "magento.auth.consumer-key"),
                    required(conf.getConsumerSecret(), "magento.auth.consumer-secret"),
                    required(conf.getAccessToken(), "magento.auth.access-token"),
                    required(conf.getAccessTokenSecret(), "magento.auth.access-token-secret")),
                    conf.getSignatureMethod());
            case ADMIN -> new AdminTokenAuthenticator(http,
                    URI.create(address.baseUrl() + address.restPath() + "/V1"),
                    required(conf.getUsername(), "magento.auth.username"),
                    required(conf.getPassword(), "magento.auth.password"),
                    blankToNull(conf.getTotpSecret()),
                    conf.getTokenLifetime(), Clock.systemUTC());
            case HANDSHAKE -> new HandshakeAuthenticator(conf.getSignatureMethod(),
                    new CredentialStore(Path.of(conf.getCredentialsFile())),
                    conf.getCallbackUrl() == null ? "http://<this connector>/magento/callback" : conf.getCallbackUrl());
        };
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is empty: set it (env " + property.toUpperCase().replaceAll("[^A-Z0-9]", "_")
                                               + ") for magento.auth.mode; see docs/configuration.md, Authentication");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
