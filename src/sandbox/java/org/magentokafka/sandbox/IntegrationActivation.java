package org.magentokafka.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What Magento does when an admin clicks "Activate" (OauthService::postToConsumer): POST the consumer
 * credentials and a fresh verifier to the integration's Callback URL, 5 s timeout, no redirects followed.
 */
final class IntegrationActivation {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** @return the callback's status code */
    int post(URI callbackUrl, OAuthIntegration integration, String storeBaseUrl) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("oauth_consumer_key", integration.consumerKey());
        form.put("oauth_consumer_secret", integration.consumerSecret());
        form.put("store_base_url", storeBaseUrl);
        form.put("oauth_verifier", integration.activate());
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(OAuthMath.rfc3986(k) + "=" + OAuthMath.rfc3986(v)));
        HttpRequest request = HttpRequest.newBuilder(callbackUrl).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while posting to the Callback URL " + callbackUrl, e);
        }
    }
}
