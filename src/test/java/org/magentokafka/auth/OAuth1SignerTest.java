package org.magentokafka.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.magentokafka.net.PercentEncoding;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuth1SignerTest {

    private static List<Map.Entry<String, String>> pairs(String... nameValues) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            list.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return list;
    }

    @Test
    void rfc5849BaseStringExample() {
        // RFC 5849 §3.4.1.1: POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b, body c2&a3=2+q
        URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        List<Map.Entry<String, String>> params = new ArrayList<>(PercentEncoding.parseForm(uri.getRawQuery()));
        params.addAll(PercentEncoding.parseForm("c2&a3=2+q"));
        params.addAll(pairs("oauth_consumer_key", "9djdj82h48djs9d2", "oauth_token", "kkk9d7dh3k39sjv7",
                "oauth_signature_method", "HMAC-SHA1", "oauth_timestamp", "137131201", "oauth_nonce", "7d8f3e4a"));
        assertEquals("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26"
                     + "c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26"
                     + "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
                OAuth1Signer.baseString("POST", uri, params));
    }

    @Test
    void rfc5849Section12Examples() {
        // Temporary credentials ("initiate"), consumer secret only.
        URI initiate = URI.create("https://photos.example.net/initiate");
        String base = OAuth1Signer.baseString("POST", initiate, pairs("oauth_consumer_key", "dpf43f3p2l4k3l03",
                "oauth_signature_method", "HMAC-SHA1", "oauth_timestamp", "137131200", "oauth_nonce", "wIjqoS",
                "oauth_callback", "http://printer.example.com/ready"));
        assertEquals("74KNZJeDHnMBp0EMJ9ZHt/XKycU=",
                OAuth1Signer.signature(SignatureMethod.HMAC_SHA1, base, "kd94hf93k423kf44", null));
        // Token credentials, with the temporary token secret and the verifier.
        URI token = URI.create("https://photos.example.net/token");
        base = OAuth1Signer.baseString("POST", token, pairs("oauth_consumer_key", "dpf43f3p2l4k3l03",
                "oauth_token", "hh5s93j4hdidpola", "oauth_signature_method", "HMAC-SHA1", "oauth_timestamp", "137131201",
                "oauth_nonce", "walatlh", "oauth_verifier", "hfdp7dh39dks9884"));
        assertEquals("gKgrFCywp7rO0OXSjdot/IHF7IU=",
                OAuth1Signer.signature(SignatureMethod.HMAC_SHA1, base, "kd94hf93k423kf44", "hdhd0244k9j7ao03"));
        // The protected resource.
        URI photos = URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original");
        List<Map.Entry<String, String>> params = new ArrayList<>(PercentEncoding.parseForm(photos.getRawQuery()));
        params.addAll(pairs("oauth_consumer_key", "dpf43f3p2l4k3l03", "oauth_token", "nnch734d00sl2jdk",
                "oauth_signature_method", "HMAC-SHA1", "oauth_timestamp", "137131202", "oauth_nonce", "chapoH"));
        assertEquals("MdpQcU8iPSUjWoN/UDMsK2sui9I=", OAuth1Signer.signature(SignatureMethod.HMAC_SHA1,
                OAuth1Signer.baseString("GET", photos, params), "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"));
    }

    @Test
    void oauthCore10AppendixAHeaderReproducesTheSpecSignature() {
        Clock fixed = Clock.fixed(Instant.ofEpochSecond(1191242096), ZoneOffset.UTC);
        OAuth1Signer signer = new OAuth1Signer("dpf43f3p2l4k3l03", "kd94hf93k423kf44", SignatureMethod.HMAC_SHA1,
                fixed, () -> "kllo9940pd9333jh");
        String header = signer.authorizationHeader("GET",
                URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original"), List.of(),
                "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00", Map.of());
        assertEquals("OAuth oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_nonce=\"kllo9940pd9333jh\", "
                     + "oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\", oauth_signature_method=\"HMAC-SHA1\", "
                     + "oauth_timestamp=\"1191242096\", oauth_token=\"nnch734d00sl2jdk\", oauth_version=\"1.0\"", header);
    }

    @Test
    void baseUriLowerCasesAndDropsDefaultPortButKeepsThePathAsSent() {
        assertEquals("https://shop.example.com/rest/V1/products/A%2FB",
                OAuth1Signer.baseUri(URI.create("HTTPS://Shop.Example.COM:443/rest/V1/products/A%2FB?x=1")));
        assertEquals("http://127.0.0.1:8080/rest/V1/products",
                OAuth1Signer.baseUri(URI.create("http://127.0.0.1:8080/rest/V1/products")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"24-MB01%2Fblue", "ABC%2F10", "Tee%20XL", "A%2BB-01", "Bag%20%26%20Belt", "Caf%C3%A9-%E2%82%AC",
            "%E6%97%A5%E6%9C%AC~x_y.z"})
    void awkwardSkusAndSearchCriteriaSignLikeAnIndependentVerifier(String encodedSku) {
        for (SignatureMethod method : SignatureMethod.values()) {
            OAuth1Signer signer = new OAuth1Signer("ck", "cs&secret+/", method);
            URI uri = URI.create("https://shop.example.com:8443/rest/default/V1/products/" + encodedSku
                                 + "?searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=sku"
                                 + "&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=a%2Bb%20c%25"
                                 + "&searchCriteria%5BpageSize%5D=100&fields=items%5Bsku%2Cname%5D");
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
            new OAuth1Authenticator(signer, "token", "ts&/ x").authenticate(request, "GET", uri);
            String header = request.build().headers().firstValue("Authorization").orElseThrow();
            assertEquals(IndependentOAuthVerifier.expectedSignature("GET", uri, header, "cs&secret+/", "ts&/ x"),
                    IndependentOAuthVerifier.headerParams(header).get("oauth_signature"), method + " " + encodedSku);
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureMethod.class)
    void everyRequestGetsAFreshNonceAndNamesItsMethod(SignatureMethod method) {
        OAuth1Signer signer = new OAuth1Signer("ck", "cs", method);
        URI uri = URI.create("http://store/rest/V1/products");
        String a = signer.authorizationHeader("GET", uri, List.of(), "t", "s", Map.of());
        String b = signer.authorizationHeader("GET", uri, List.of(), "t", "s", Map.of());
        assertNotEquals(IndependentOAuthVerifier.headerParams(a).get("oauth_nonce"),
                IndependentOAuthVerifier.headerParams(b).get("oauth_nonce"));
        assertEquals(method.oauthName(), IndependentOAuthVerifier.headerParams(a).get("oauth_signature_method"));
        assertEquals(SignatureMethod.HMAC_SHA256, SignatureMethod.parse("hmac_sha256"));
    }

    @Test
    void handshakeStepsSignVerifierAndOmitTheMissingToken() {
        OAuth1Signer signer = new OAuth1Signer("ck", "cs", SignatureMethod.HMAC_SHA256);
        URI uri = URI.create("https://store/oauth/token/access");
        String request = signer.authorizationHeader("POST", URI.create("https://store/oauth/token/request"), List.of(),
                null, null, Map.of());
        assertFalse(request.contains("oauth_token="));
        String access = signer.authorizationHeader("POST", uri, List.of(), "rt", "rts", Map.of("oauth_verifier", "v1"));
        assertTrue(access.contains("oauth_verifier=\"v1\""));
        assertEquals(IndependentOAuthVerifier.expectedSignature("POST", uri, access, "cs", "rts"),
                IndependentOAuthVerifier.headerParams(access).get("oauth_signature"));
    }

    @Test
    void secretsNeverAppearInToString() {
        OAuth1Signer signer = new OAuth1Signer("ck", "consumer-SECRET", SignatureMethod.HMAC_SHA256);
        OAuth1Authenticator auth = new OAuth1Authenticator(signer, "access-TOKEN", "token-SECRET");
        OAuth1Credentials creds = new OAuth1Credentials("ck", "consumer-SECRET", "access-TOKEN", "token-SECRET");
        for (String text : List.of(signer.toString(), auth.toString(), auth.describe(), creds.toString())) {
            assertFalse(text.contains("SECRET") || text.contains("TOKEN"), text);
        }
    }
}
