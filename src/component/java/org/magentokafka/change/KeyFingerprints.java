package org.magentokafka.change;

import java.nio.charset.StandardCharsets;

/**
 * The keys a full pass has seen, as 64-bit fingerprints in one open-addressing {@code long[]}: about 13 bytes per
 * key instead of ~100 for a {@code HashSet<String>} of freshly parsed strings, so finding deleted keys costs
 * little heap even for millions of products. A fingerprint collision (p ~ n^2 / 2^65: about 3 in 100 million at
 * 1,000,000 keys) could only hide a deletion, which the periodic keys-only reconcile would then still find
 * unless it collided again.
 */
public final class KeyFingerprints {

    private static final double MAX_LOAD = 0.6;

    private long[] slots = new long[1 << 10];
    private int size;

    public void add(String key) {
        long fp = fingerprint(key);
        if (size + 1 > slots.length * MAX_LOAD) {
            grow();
        }
        if (insert(slots, fp)) {
            size++;
        }
    }

    public boolean contains(String key) {
        long fp = fingerprint(key);
        int mask = slots.length - 1;
        for (int i = (int) fp & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == fp) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    private static boolean insert(long[] table, long fp) {
        int mask = table.length - 1;
        int i = (int) fp & mask;
        while (table[i] != 0) {
            if (table[i] == fp) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = fp;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long fp : slots) {
            if (fp != 0) {
                insert(bigger, fp);
            }
        }
        slots = bigger;
    }

    static long fingerprint(String key) {
        return fingerprint(key.getBytes(StandardCharsets.UTF_8));
    }

    /** FNV-1a over the UTF-8 bytes, then MurmurHash3's finalizer so every bit depends on every byte; never 0. */
    static long fingerprint(byte[] utf8) {
        long h = 0xcbf29ce484222325L;
        for (byte b : utf8) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
