package org.magentokafka.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the connector proves who it is to the store (docs/magento-rest-facts.md, Authentication). */
public enum AuthMode {
    /** Integration (or admin) access token as {@code Authorization: Bearer}; refused by default since 2.4.4. */
    BEARER,
    /** OAuth 1.0a signed requests with the integration's four credentials. */
    OAUTH1,
    /** An admin user's username/password (and TOTP when 2FA is on) exchanged for a renewable token. */
    ADMIN,
    /** The integration's Callback/Identity Link handshake hands the four OAuth credentials to the connector. */
    HANDSHAKE,
    /**
     * No credentials, as a guest: only what the store serves anonymously (with Magento's <i>Allow Anonymous Guest
     * Access</i> on, GET /V1/products and the category tree; never source items, CMS page search or the attribute
     * list).
     */
    NONE;

    public static AuthMode parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (AuthMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(v)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("magento.auth.mode='" + value + "' is not a known mode: use one of "
                                           + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT))
                                                   .collect(Collectors.joining(", ")));
    }
}
