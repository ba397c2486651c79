package org.magentokafka.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackValidatorTest {

    private final CallbackValidator validator = new CallbackValidator(URI.create("https://Shop.example.com/magento"));

    private static Map<String, String> form(String storeUrl, String verifier) {
        Map<String, String> form = new HashMap<>();
        form.put("oauth_consumer_key", "ck");
        form.put("oauth_consumer_secret", "cs-SECRET");
        form.put("store_base_url", storeUrl);
        form.put("oauth_verifier", verifier);
        return form;
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com/magento/", "https://SHOP.example.com:443/magento",
            "HTTPS://shop.example.com/magento//"})
    void storeBaseUrlMatchesAfterNormalization(String storeUrl) {
        CallbackForm accepted = validator.accept(form(storeUrl, "v-" + storeUrl));
        assertEquals("ck", accepted.consumerKey());
        assertFalse(accepted.toString().contains("SECRET"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.com/magento/", "http://shop.example.com/magento/",
            "https://shop.example.com:8443/magento/", "https://shop.example.com/", "https://shop.example.com/magento/x",
            "https://shop.example.com@evil.example.com/magento/", "file:///etc/passwd", "not a url"})
    void foreignStoreUrlsAreRefused(String storeUrl) {
        HandshakeRejectedException e = assertThrows(HandshakeRejectedException.class,
                () -> validator.accept(form(storeUrl, "v")));
        assertTrue(e.getMessage().contains("store_base_url"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET"));
    }

    @Test
    void missingFieldsAreNamed() {
        for (String field : new String[] {"oauth_consumer_key", "oauth_consumer_secret", "store_base_url", "oauth_verifier"}) {
            Map<String, String> form = form("https://shop.example.com/magento/", "v");
            form.remove(field);
            HandshakeRejectedException e = assertThrows(HandshakeRejectedException.class, () -> validator.accept(form));
            assertTrue(e.getMessage().contains(field), e.getMessage());
        }
    }

    @Test
    void aReplayIsRefusedButReauthorizeWithANewVerifierIsNot() {
        validator.accept(form("https://shop.example.com/magento/", "v1"));
        HandshakeRejectedException e = assertThrows(HandshakeRejectedException.class,
                () -> validator.accept(form("https://shop.example.com/magento/", "v1")));
        assertTrue(e.getMessage().contains("replay"), e.getMessage());
        validator.accept(form("https://shop.example.com/magento/", "v2"));
    }
}
