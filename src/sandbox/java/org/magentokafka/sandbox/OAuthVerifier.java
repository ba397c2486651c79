package org.magentokafka.sandbox;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.security.MessageDigest;

/**
 * Checks OAuth 1.0a requests in the order of Magento\Framework\Oauth\Oauth: version, required parameters, token
 * length, signature method, consumer, nonce and timestamp, token, then the signature. Failures are thrown as
 * {@link MagentoError} with Magento's message and the status its exception class maps to (an
 * OauthInputException is a 400, an Oauth\Exception a 401).
 */
final class OAuthVerifier {

    /** Magento\Integration\Model\Oauth\Nonce\Generator::TIME_DEVIATION. */
    private static final long TIME_DEVIATION_SECONDS = 600;
    private static final List<String> BASIC = List.of("oauth_consumer_key", "oauth_signature",
            "oauth_signature_method", "oauth_nonce", "oauth_timestamp");

    private final OAuthIntegration integration;
    private final Set<String> signatureMethods;
    private final Clock clock;

    OAuthVerifier(OAuthIntegration integration, Set<String> signatureMethods, Clock clock) {
        this.integration = integration;
        this.signatureMethods = Set.copyOf(signatureMethods);
        this.clock = clock;
    }

    OAuthIntegration integration() {
        return integration;
    }

    /** A signed REST call with the access token. */
    void verifyAccessTokenRequest(String method, URI uri, Map<String, String> oauth, List<Map.Entry<String, String>> form) {
        protocol(oauth, with("oauth_token"));
        String secret = integration.accessTokenSecret(oauth.get("oauth_token"));
        if (secret == null) {
            throw MagentoError.of(401, "A token with the specified ID does not exist");
        }
        signature(method, uri, oauth, form, secret);
    }

    /** POST /oauth/token/request: signed with the consumer secret only. */
    void verifyRequestTokenRequest(String method, URI uri, Map<String, String> oauth, List<Map.Entry<String, String>> form) {
        protocol(oauth, BASIC);
        if (integration.consumerKeyExpired()) {
            throw MagentoError.of(401, "Consumer key has expired");
        }
        if (!integration.hasVerifier()) {
            throw MagentoError.of(401, "Verifier is invalid. Verify and try again.");
        }
        signature(method, uri, oauth, form, null);
    }

    /** POST /oauth/token/access: signed with the request token's secret, carries the verifier. */
    void verifyAccessTokenExchange(String method, URI uri, Map<String, String> oauth, List<Map.Entry<String, String>> form) {
        List<String> required = new ArrayList<>(with("oauth_token"));
        required.add("oauth_verifier");
        protocol(oauth, required);
        if (integration.consumerKeyExpired()) {
            throw MagentoError.of(401, "Consumer key has expired");
        }
        String secret = integration.requestTokenSecret(oauth.get("oauth_token"));
        if (secret == null) {
            throw MagentoError.of(401, "Specified token does not exist");
        }
        if (!integration.verifierMatches(oauth.get("oauth_verifier"))) {
            throw MagentoError.of(401, "The oauth_verifier is invalid. Verify and try again.");
        }
        signature(method, uri, oauth, form, secret);
    }

    private void protocol(Map<String, String> oauth, List<String> required) {
        String version = oauth.get("oauth_version");
        if (version != null && !"1.0".equals(version)) {
            throw MagentoError.positional(400, "The \"%1\" Oauth version isn't supported.", version);
        }
        for (String name : required) {
            if (oauth.get(name) == null) {
                throw MagentoError.named(400, "\"%fieldName\" is required. Enter and try again.",
                        Map.of("fieldName", name));
            }
        }
        String token = oauth.get("oauth_token");
        if (token != null && token.length() != OAuthIntegration.LENGTH) {
            throw MagentoError.of(400, "The token length is invalid. Check the length and try again.");
        }
        String method = oauth.get("oauth_signature_method");
        if (!signatureMethods.contains(method)) {
            throw MagentoError.positional(400, "Signature method %1 is not supported", method);
        }
        String key = oauth.get("oauth_consumer_key");
        if (key.length() != OAuthIntegration.LENGTH) {
            throw MagentoError.of(401, "Consumer key is not the correct length");
        }
        if (!key.equals(integration.consumerKey())) {
            throw MagentoError.of(401, "A consumer having the specified key does not exist");
        }
        nonce(oauth.get("oauth_nonce"), oauth.get("oauth_timestamp"));
    }

    private void nonce(String nonce, String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        // Like Magento, only timestamps in the future are refused: the nonce memory makes old ones harmless.
        if (seconds <= 0 || seconds > clock.instant().getEpochSecond() + TIME_DEVIATION_SECONDS) {
            throw MagentoError.of(400, "Incorrect timestamp value in the oauth_timestamp parameter");
        }
        if (!integration.useNonce(nonce)) {
            throw MagentoError.positional(401, "The nonce is already being used by the consumer with ID %1", "1");
        }
    }

    private void signature(String method, URI uri, Map<String, String> oauth, List<Map.Entry<String, String>> form,
                           String tokenSecret) {
        List<Map.Entry<String, String>> params = new ArrayList<>(OAuthMath.formPairs(uri.getRawQuery()));
        params.addAll(form);
        oauth.forEach((name, value) -> {
            if (!"oauth_signature".equals(name)) {
                params.add(Map.entry(name, value));
            }
        });
        String expected = OAuthMath.sign(oauth.get("oauth_signature_method"), OAuthMath.baseString(method, uri, params),
                integration.consumerSecret(), tokenSecret);
        if (!MessageDigest.isEqual(expected.getBytes(), oauth.get("oauth_signature").getBytes())) {
            throw MagentoError.of(401, "The signature is invalid. Verify and try again.");
        }
    }

    private static List<String> with(String extra) {
        List<String> all = new ArrayList<>(BASIC);
        all.add(extra);
        return all;
    }
}
