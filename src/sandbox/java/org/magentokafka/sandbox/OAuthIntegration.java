package org.magentokafka.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The store's records for one integration (oauth_consumer, oauth_token, oauth_nonce rows): consumer, the
 * verifier of the last activation, request and access tokens, and the nonces already seen. Thread-safe.
 */
final class OAuthIntegration {

    /** Magento's key, secret and token length (Magento\Integration\Model\Oauth\Token::LENGTH_TOKEN). */
    static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String consumerKey;
    private final String consumerSecret;
    private final Duration consumerKeyLifetime;
    private final Clock clock;
    private final Set<String> nonces = new HashSet<>();
    private Instant activatedAt;
    private String verifier;
    private String requestToken;
    private String requestTokenSecret;
    private String accessToken;
    private String accessTokenSecret;

    /** An integration that was activated before the store started (access token may be null). */
    OAuthIntegration(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret,
                     Duration consumerKeyLifetime, Clock clock) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.accessToken = accessToken;
        this.accessTokenSecret = accessTokenSecret;
        this.consumerKeyLifetime = consumerKeyLifetime;
        this.clock = clock;
        this.activatedAt = Instant.EPOCH;
    }

    String consumerKey() {
        return consumerKey;
    }

    String consumerSecret() {
        return consumerSecret;
    }

    /** "Activate"/"Reauthorize": a new verifier, the consumer key valid for the exchange again, old tokens gone. */
    synchronized String activate() {
        activatedAt = clock.instant();
        verifier = random();
        requestToken = null;
        requestTokenSecret = null;
        return verifier;
    }

    /** False when this nonce was already used by the consumer; remembers it otherwise. */
    synchronized boolean useNonce(String nonce) {
        return nonces.add(nonce);
    }

    synchronized boolean consumerKeyExpired() {
        return clock.instant().isAfter(activatedAt.plus(consumerKeyLifetime));
    }

    synchronized boolean hasVerifier() {
        return verifier != null;
    }

    /** @return {token, secret} */
    synchronized String[] issueRequestToken() {
        requestToken = random();
        requestTokenSecret = random();
        return new String[] {requestToken, requestTokenSecret};
    }

    synchronized String requestTokenSecret(String token) {
        return token != null && token.equals(requestToken) ? requestTokenSecret : null;
    }

    synchronized boolean verifierMatches(String candidate) {
        return verifier != null && verifier.equals(candidate);
    }

    /** Exchanges the request token; the verifier and request token cannot be used twice. */
    synchronized String[] issueAccessToken() {
        requestToken = null;
        requestTokenSecret = null;
        verifier = null;
        accessToken = random();
        accessTokenSecret = random();
        return new String[] {accessToken, accessTokenSecret};
    }

    synchronized String accessTokenSecret(String token) {
        return token != null && token.equals(accessToken) ? accessTokenSecret : null;
    }

    static String random() {
        StringBuilder s = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "OAuthIntegration[consumerKey=" + consumerKey + ", secrets=****]";
    }
}
