package org.magentokafka.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

/**
 * Time-based one-time passwords (RFC 6238) as Google Authenticator computes them: HMAC-SHA1, 30 s steps,
 * 6 digits. Magento's google provider checks exactly these.
 */
public final class Totp {

    private static final long STEP_SECONDS = 30;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] key;

    /** @param base32Secret the secret shown under the QR code (RFC 4648 base32; case, spaces, padding ignored) */
    public Totp(String base32Secret) {
        this.key = decodeBase32(base32Secret);
        if (key.length == 0) {
            throw new IllegalArgumentException("magento.auth.totp-secret is empty: set it to the base32 secret of the"
                                               + " admin user's Google Authenticator");
        }
    }

    /** Raw key bytes, for the RFC test vectors whose secrets are ASCII, not base32. */
    static Totp ofRawKey(byte[] key) {
        return new Totp(key);
    }

    private Totp(byte[] key) {
        this.key = key.clone();
    }

    /** The 6-digit code valid at the given instant. */
    public String code(Instant at) {
        return code(at, 6);
    }

    /** The code with the given number of digits (RFC 6238 Appendix B lists 8-digit values). */
    public String code(Instant at, int digits) {
        long counter = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
        // RFC 4226 §5.3 dynamic truncation
        int offset = hash[hash.length - 1] & 0xF;
        int binary = (hash[offset] & 0x7F) << 24 | (hash[offset + 1] & 0xFF) << 16
                     | (hash[offset + 2] & 0xFF) << 8 | hash[offset + 3] & 0xFF;
        long modulus = (long) Math.pow(10, digits);
        String value = Long.toString(binary % modulus);
        return "0".repeat(digits - value.length()) + value;
    }

    /** RFC 4648 base32. Authenticator apps show secrets in groups, in lower case, sometimes padded. */
    static byte[] decodeBase32(String text) {
        if (text == null) {
            throw new IllegalArgumentException("magento.auth.totp-secret is not set");
        }
        String clean = text.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < clean.length(); i++) {
            int value = ALPHABET.indexOf(clean.charAt(i));
            if (value < 0) {
                // The position, not the character: the text is a secret.
                throw new IllegalArgumentException("magento.auth.totp-secret is not base32 (character " + (i + 1)
                                                   + " is outside A-Z, 2-7): copy the secret shown under the QR code");
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >> (bits - 8) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "Totp[****]";
    }
}
