package org.magentokafka.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * POST /oauth/token/request and /oauth/token/access (Magento\Integration\Controller\Token\*): storefront
 * controllers, not REST, so they answer form-encoded, errors as oauth_problem=...
 */
final class OAuthTokenEndpoints {

    static final String REQUEST = "/oauth/token/request";
    static final String ACCESS = "/oauth/token/access";

    private final OAuthVerifier verifier;

    OAuthTokenEndpoints(OAuthVerifier verifier) {
        this.verifier = verifier;
    }

    static boolean handles(String rawPath) {
        String path = rawPath.startsWith("/index.php/") ? rawPath.substring("/index.php".length()) : rawPath;
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return path.equals(REQUEST) || path.equals(ACCESS);
    }

    HttpAnswer answer(String method, URI absolute, Map<String, String> headers, String body) {
        Map<String, String> oauth = OAuthMath.headerParams(headers.get("authorization"));
        String contentType = headers.getOrDefault("content-type", "");
        List<Map.Entry<String, String>> form = contentType.startsWith("application/x-www-form-urlencoded")
                ? OAuthMath.formPairs(body) : List.of();
        try {
            String[] token;
            if (absolute.getRawPath().contains(REQUEST)) {
                verifier.verifyRequestTokenRequest(method, absolute, oauth, form);
                token = verifier.integration().issueRequestToken();
            } else {
                verifier.verifyAccessTokenExchange(method, absolute, oauth, form);
                token = verifier.integration().issueAccessToken();
            }
            return HttpAnswer.form(200, "oauth_token=" + token[0] + "&oauth_token_secret=" + token[1]);
        } catch (MagentoError e) {
            return HttpAnswer.form(e.status(), "oauth_problem=" + OAuthMath.rfc3986(e.renderedMessage()));
        }
    }
}
