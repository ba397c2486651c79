package org.magentokafka.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second, deliberately different implementation of RFC 5849 verification (JDK URLEncoder/URLDecoder based),
 * so the signer is checked against something other than itself.
 */
final class IndependentOAuthVerifier {

    private IndependentOAuthVerifier() {
    }

    static Map<String, String> headerParams(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header.substring("OAuth ".length()));
        while (m.find()) {
            params.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        return params;
    }

    static String expectedSignature(String method, URI uri, String header, String consumerSecret, String tokenSecret) {
        Map<String, String> oauth = headerParams(header);
        List<String> pairs = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String part : uri.getRawQuery().split("&")) {
                String[] nv = part.split("=", 2);
                pairs.add(enc(URLDecoder.decode(nv[0], StandardCharsets.UTF_8)) + "="
                          + enc(nv.length > 1 ? URLDecoder.decode(nv[1], StandardCharsets.UTF_8) : ""));
            }
        }
        oauth.forEach((k, v) -> {
            if (!k.equals("oauth_signature")) {
                pairs.add(enc(k) + "=" + enc(v));
            }
        });
        pairs.sort((a, b) -> {
            String[] x = a.split("=", 2);
            String[] y = b.split("=", 2);
            int c = x[0].compareTo(y[0]);
            return c != 0 ? c : x[1].compareTo(y[1]);
        });
        String base = method + "&" + enc(uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + uri.getRawPath()) + "&" + enc(String.join("&", pairs));
        String algorithm = "HMAC-SHA1".equals(oauth.get("oauth_signature_method")) ? "HmacSHA1" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec((enc(consumerSecret) + "&" + enc(tokenSecret)).getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
