package org.magentokafka.testing;

import java.util.HashMap;
import java.util.Map;

import org.magentokafka.sandbox.SandboxStore;

/**
 * The connector's environment variables for each way into a sandbox store, taken from the store's own options,
 * so every integration test signs in the same way: bearer, OAuth 1.0a, admin (with TOTP when the store enforces
 * 2FA), anonymous guest.
 */
public final class SandboxCredentials {

    private SandboxCredentials() {
    }

    public static Map<String, String> bearer(SandboxStore store) {
        return Map.of("MAGENTO_AUTH_MODE", "bearer", "MAGENTO_AUTH_ACCESS_TOKEN", store.options().accessToken());
    }

    public static Map<String, String> oauth1(SandboxStore store, String signatureMethod) {
        return Map.of("MAGENTO_AUTH_MODE", "oauth1",
                "MAGENTO_AUTH_CONSUMER_KEY", store.options().oauthConsumerKey(),
                "MAGENTO_AUTH_CONSUMER_SECRET", store.options().oauthConsumerSecret(),
                "MAGENTO_AUTH_ACCESS_TOKEN", store.options().oauthAccessToken(),
                "MAGENTO_AUTH_ACCESS_TOKEN_SECRET", store.options().oauthAccessTokenSecret(),
                "MAGENTO_AUTH_SIGNATURE_METHOD", signatureMethod);
    }

    /** The admin user's username and password, and its TOTP secret when the store runs two-factor auth. */
    public static Map<String, String> admin(SandboxStore store) {
        Map<String, String> env = new HashMap<>(Map.of("MAGENTO_AUTH_MODE", "admin",
                "MAGENTO_AUTH_USERNAME", store.options().adminUsername(),
                "MAGENTO_AUTH_PASSWORD", store.options().adminPassword()));
        if (store.options().adminTotpSecret() != null) {
            env.put("MAGENTO_AUTH_TOTP_SECRET", store.options().adminTotpSecret());
        }
        return Map.copyOf(env);
    }

    public static Map<String, String> anonymous() {
        return Map.of("MAGENTO_AUTH_MODE", "none");
    }

    /** Only the products stream: the others switched off, for tests about how the connector gets in. */
    public static Map<String, String> productsOnly() {
        return Map.of("MAGENTO_STREAMS_CATEGORIES_ENABLED", "false",
                "MAGENTO_STREAMS_CMS_PAGES_ENABLED", "false",
                "MAGENTO_STREAMS_SOURCE_ITEMS_ENABLED", "false",
                "MAGENTO_STREAMS_PRODUCT_ATTRIBUTES_ENABLED", "false");
    }
}
