package org.magentokafka.sandbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's own view of OAuth 1.0a signatures (RFC 5849 §3.4), written apart from the connector's signer so a
 * shared mistake cannot make a wrong signature look right.
 */
final class OAuthMath {

    private static final Pattern HEADER_PARAM = Pattern.compile("([A-Za-z0-9_%.~-]+)\\s*=\\s*\"([^\"]*)\"");

    private OAuthMath() {
    }

    /** The oauth_* parameters of an "Authorization: OAuth ..." header, decoded; realm is not a parameter. */
    static Map<String, String> headerParams(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return params;
        }
        Matcher m = HEADER_PARAM.matcher(header.substring(6));
        while (m.find()) {
            String name = percentDecode(m.group(1));
            if (!"realm".equals(name)) {
                params.put(name, percentDecode(m.group(2)));
            }
        }
        return params;
    }

    /** Decoded pairs of a query string or form body, in order ("+" is a space, as in PHP). */
    static List<Map.Entry<String, String>> formPairs(String raw) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String part : raw.split("&")) {
            if (!part.isEmpty()) {
                int eq = part.indexOf('=');
                pairs.add(Map.entry(formDecode(eq < 0 ? part : part.substring(0, eq)),
                        formDecode(eq < 0 ? "" : part.substring(eq + 1))));
            }
        }
        return pairs;
    }

    static String baseString(String method, URI uri, List<Map.Entry<String, String>> params) {
        int port = uri.getPort();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean standardPort = port < 0 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        String baseUri = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (standardPort ? "" : ":" + port)
                         + uri.getRawPath();
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> p : params) {
            encoded.add(new String[] {rfc3986(p.getKey()), rfc3986(p.getValue())});
        }
        encoded.sort(Comparator.comparing((String[] p) -> p[0]).thenComparing(p -> p[1]));
        StringJoiner normalized = new StringJoiner("&");
        encoded.forEach(p -> normalized.add(p[0] + "=" + p[1]));
        return method.toUpperCase(Locale.ROOT) + "&" + rfc3986(baseUri) + "&" + rfc3986(normalized.toString());
    }

    /** Base64 HMAC for oauth_signature_method HMAC-SHA1 or HMAC-SHA256. */
    static String sign(String signatureMethod, String baseString, String consumerSecret, String tokenSecret) {
        String algorithm = "HMAC-SHA1".equals(signatureMethod) ? "HmacSHA1" : "HmacSHA256";
        String key = rfc3986(consumerSecret) + "&" + rfc3986(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }

    static String rfc3986(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String formDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    private static String percentDecode(String s) {
        return formDecode(s.replace("+", "%2B"));
    }
}
