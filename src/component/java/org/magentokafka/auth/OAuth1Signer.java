package org.magentokafka.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.magentokafka.net.PercentEncoding;

/**
 * Signs requests with OAuth 1.0a (RFC 5849) for one consumer. Builds the whole Authorization header, including
 * those of the handshake's token requests, which is why token and token secret are arguments, not state.
 * Thread-safe.
 */
public final class OAuth1Signer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String consumerKey;
    private final String consumerSecret;
    private final SignatureMethod method;
    private final Clock clock;
    private final Supplier<String> nonces;

    public OAuth1Signer(String consumerKey, String consumerSecret, SignatureMethod method) {
        this(consumerKey, consumerSecret, method, Clock.systemUTC(), OAuth1Signer::randomNonce);
    }

    /** For tests: a fixed clock and nonce source make the header reproducible. */
    public OAuth1Signer(String consumerKey, String consumerSecret, SignatureMethod method, Clock clock,
                        Supplier<String> nonces) {
        this.consumerKey = required(consumerKey, "magento.auth.consumer-key");
        this.consumerSecret = required(consumerSecret, "magento.auth.consumer-secret");
        this.method = Objects.requireNonNull(method);
        this.clock = Objects.requireNonNull(clock);
        this.nonces = Objects.requireNonNull(nonces);
    }

    public String consumerKey() {
        return consumerKey;
    }

    public SignatureMethod method() {
        return method;
    }

    /**
     * The value of the Authorization header ("OAuth oauth_consumer_key=..., ...").
     *
     * @param formParams       decoded form fields of an application/x-www-form-urlencoded body (they are signed);
     *                         empty for other bodies
     * @param token            null for the request-token step, which has no token yet
     * @param tokenSecret      null or "" when there is no token
     * @param extraOauthParams e.g. oauth_verifier for the access-token step; may be empty
     */
    public String authorizationHeader(String httpMethod, URI uri, List<Map.Entry<String, String>> formParams,
                                      String token, String tokenSecret, Map<String, String> extraOauthParams) {
        Map<String, String> oauth = new TreeMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", nonces.get());
        oauth.put("oauth_signature_method", method.oauthName());
        oauth.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
        oauth.put("oauth_version", "1.0");
        if (token != null) {
            oauth.put("oauth_token", token);
        }
        oauth.putAll(extraOauthParams);
        List<Map.Entry<String, String>> params = new ArrayList<>(PercentEncoding.parseForm(uri.getRawQuery()));
        params.addAll(formParams);
        params.addAll(oauth.entrySet());
        String base = baseString(httpMethod, uri, params);
        oauth.put("oauth_signature", signature(method, base, consumerSecret, tokenSecret));
        return "OAuth " + oauth.entrySet().stream()
                .map(e -> PercentEncoding.encode(e.getKey()) + "=\"" + PercentEncoding.encode(e.getValue()) + "\"")
                .collect(Collectors.joining(", "));
    }

    /**
     * The signature base string of RFC 5849 §3.4.1.
     *
     * @param params every decoded parameter to sign (query, form body, oauth_* without oauth_signature)
     */
    public static String baseString(String httpMethod, URI uri, List<Map.Entry<String, String>> params) {
        return httpMethod.toUpperCase(Locale.ROOT) + "&" + PercentEncoding.encode(baseUri(uri)) + "&"
               + PercentEncoding.encode(normalizedParameters(params));
    }

    /** Scheme and host in lower case, default port dropped, path exactly as sent (still percent-encoded). */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    }

    /** RFC 5849 §3.4.1.3.2: encode each name and value, sort by name then value, join. */
    static String normalizedParameters(List<Map.Entry<String, String>> params) {
        return params.stream()
                .map(e -> new AbstractMap.SimpleImmutableEntry<>(PercentEncoding.encode(e.getKey()),
                        PercentEncoding.encode(e.getValue())))
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey()).thenComparing(Map.Entry::getValue))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** RFC 5849 §3.4.2: HMAC keyed with encoded consumer secret "&" encoded token secret, Base64. */
    public static String signature(SignatureMethod method, String baseString, String consumerSecret, String tokenSecret) {
        String key = PercentEncoding.encode(consumerSecret) + "&" + PercentEncoding.encode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance(method.jcaName());
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), method.jcaName()));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(method.jcaName() + " is not available in this JVM", e);
        }
    }

    /** 128 random bits as hex: unique per request, which Magento enforces per consumer. */
    static String randomNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder hex = new StringBuilder(32);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is empty: set it to the value shown for the integration in"
                                               + " System > Extensions > Integrations > Edit > Integration Details");
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "OAuth1Signer[consumerKey=" + consumerKey + ", method=" + method.oauthName() + ", secrets=****]";
    }
}
