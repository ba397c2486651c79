package org.magentokafka.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a Callback URL POST may start a token exchange. The connector POSTs the consumer secret to
 * store_base_url, so that URL must be the configured store (else anyone could make the connector call any host:
 * SSRF), and each verifier is accepted once (else a captured form could be replayed). The consumer key alone
 * cannot be refused on reuse: "Reauthorize" in the admin sends the same key with a new verifier.
 * Thread-safe.
 */
public final class CallbackValidator {

    private final URI storeBaseUrl;
    private final String normalizedStore;
    /** Verifiers already used, the newest {@value #REMEMBERED}: a flood of forms cannot grow it without end. */
    private final Set<String> usedVerifiers = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));
    static final int REMEMBERED = 4096;

    /** @param storeBaseUrl magento.base-url */
    public CallbackValidator(URI storeBaseUrl) {
        this.storeBaseUrl = Objects.requireNonNull(storeBaseUrl);
        this.normalizedStore = normalize(storeBaseUrl.toString());
        if (normalizedStore == null) {
            throw new IllegalArgumentException("magento.base-url='" + storeBaseUrl + "' is not an absolute http(s) URL:"
                                               + " set it to the store URL, e.g. https://shop.example.com/");
        }
    }

    /**
     * Validates the form and marks its verifier as used, so a second POST of the same form is refused even while
     * the first exchange is still running.
     */
    public CallbackForm accept(Map<String, String> form) {
        String consumerKey = required(form, "oauth_consumer_key");
        String consumerSecret = required(form, "oauth_consumer_secret");
        String storeUrl = required(form, "store_base_url");
        String verifier = required(form, "oauth_verifier");
        if (!normalizedStore.equals(normalize(storeUrl))) {
            throw new HandshakeRejectedException("Callback URL: store_base_url '" + storeUrl + "' is not the configured"
                    + " magento.base-url '" + storeBaseUrl + "'; set magento.base-url to the store that activates the"
                    + " integration");
        }
        if (!usedVerifiers.add(consumerKey + "&" + verifier)) {
            throw new HandshakeRejectedException("Callback URL: the form for consumer key " + consumerKey + " was"
                    + " already used (replay); click Reauthorize on the integration in the Magento admin for a new one");
        }
        return new CallbackForm(consumerKey, consumerSecret, storeBaseUrl, verifier);
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new HandshakeRejectedException("Callback URL: form field " + name + " is missing; the POST did not"
                    + " come from Magento's integration activation (or a proxy dropped the body)");
        }
        return value.strip();
    }

    /** scheme://host[:port]/path/ with scheme and host in lower case, default port dropped, one trailing slash. */
    static String normalize(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path + "/";
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
