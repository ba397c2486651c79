package org.magentokafka.change;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fixed-size fingerprint of a published document: the first 8 bytes of its SHA-256. Eight bytes per key keep
 * the state compact; a false "unchanged" needs a 64-bit collision between two versions of the same key.
 */
public final class ContentHash {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    });

    private ContentHash() {
    }

    public static long of(byte[] document) {
        byte[] d = SHA256.get().digest(document);
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = h << 8 | (d[i] & 0xff);
        }
        return h;
    }

    public static String hex(long hash) {
        return String.format("%016x", hash);
    }
}
