package org.magentokafka.auth;

import java.util.Locale;

/** OAuth 1.0a signature methods Magento accepts; recent 2.4 releases accept HMAC-SHA256 only. */
public enum SignatureMethod {
    HMAC_SHA256("HMAC-SHA256", "HmacSHA256"),
    HMAC_SHA1("HMAC-SHA1", "HmacSHA1");

    private final String oauthName;
    private final String jcaName;

    SignatureMethod(String oauthName, String jcaName) {
        this.oauthName = oauthName;
        this.jcaName = jcaName;
    }

    /** The value of oauth_signature_method. */
    public String oauthName() {
        return oauthName;
    }

    String jcaName() {
        return jcaName;
    }

    /** Accepts "HMAC-SHA256", "hmac_sha256", "hmac-sha1"... */
    public static SignatureMethod parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        for (SignatureMethod m : values()) {
            if (m.oauthName.equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("magento.auth.signature-method='" + value
                                           + "' is not supported: use HMAC-SHA256 (default) or HMAC-SHA1");
    }
}
