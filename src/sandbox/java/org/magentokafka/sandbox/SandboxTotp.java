package org.magentokafka.sandbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

/** The Google Authenticator check of Magento's google 2FA provider: RFC 6238, SHA1, 30 s, 6 digits, ±1 step. */
final class SandboxTotp {

    private final byte[] key;

    SandboxTotp(String base32Secret) {
        this.key = base32(base32Secret);
    }

    boolean accepts(String otp, Instant now) {
        if (otp == null || !otp.matches("\\d{6}")) {
            return false;
        }
        long step = now.getEpochSecond() / 30;
        for (long s = step - 1; s <= step + 1; s++) {
            if (code(s).equals(otp)) {
                return true;
            }
        }
        return false;
    }

    /** The code a phone shows at that instant; tests use it to play the admin user. */
    String codeAt(Instant at) {
        return code(at.getEpochSecond() / 30);
    }

    private String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0x0F;
            int value = ByteBuffer.wrap(h, o, 4).getInt() & 0x7FFFFFFF;
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String text) {
        String s = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[s.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : s.toCharArray()) {
            int v = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("admin TOTP secret is not base32");
            }
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
