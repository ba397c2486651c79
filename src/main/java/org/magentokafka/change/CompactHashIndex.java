package org.magentokafka.change;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Key to content-hash map for millions of keys in little heap: open addressing over primitive arrays (a 64-bit
 * fingerprint of the key, the 64-bit content hash and an offset) and the keys' UTF-8 bytes in one arena, about
 * 35 bytes plus the key's length per entry instead of ~130 for a {@code HashMap<String, Long>}. Keys are compared
 * byte for byte, so fingerprint collisions cost a comparison, never a wrong answer. Removed keys leave their
 * bytes in the arena until the next rebuild (the state file is compacted and reloaded at start).
 */
final class CompactHashIndex {

    private static final long EMPTY = 0L;
    private static final double MAX_LOAD = 0.6;

    private long[] fingerprints = new long[1 << 10];
    private long[] hashes = new long[1 << 10];
    private int[] offsets = new int[1 << 10];
    private boolean[] removed = new boolean[1 << 10];
    private byte[] arena = new byte[1 << 14];
    private int arenaUsed;
    private int used;
    private int live;

    Long get(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int slot = find(k, fingerprint(k));
        return slot < 0 || removed[slot] ? null : hashes[slot];
    }

    void put(String key, long hash) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        long fp = fingerprint(k);
        int slot = find(k, fp);
        if (slot >= 0) {
            if (removed[slot]) {
                removed[slot] = false;
                live++;
            }
            hashes[slot] = hash;
            return;
        }
        if (used + 1 > fingerprints.length * MAX_LOAD) {
            grow();
        }
        insert(fp, hash, store(k));
        used++;
        live++;
    }

    void remove(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int slot = find(k, fingerprint(k));
        if (slot >= 0 && !removed[slot]) {
            removed[slot] = true;
            live--;
        }
    }

    int size() {
        return live;
    }

    Set<String> keys() {
        Set<String> keys = new HashSet<>(Math.max(16, live * 4 / 3));
        for (int i = 0; i < fingerprints.length; i++) {
            if (fingerprints[i] != EMPTY && !removed[i]) {
                keys.add(keyAt(offsets[i]));
            }
        }
        return keys;
    }

    /** Calls the visitor for every live entry. */
    void forEach(java.util.function.ObjLongConsumer<String> visitor) {
        for (int i = 0; i < fingerprints.length; i++) {
            if (fingerprints[i] != EMPTY && !removed[i]) {
                visitor.accept(keyAt(offsets[i]), hashes[i]);
            }
        }
    }

    private int find(byte[] k, long fp) {
        int mask = fingerprints.length - 1;
        for (int i = (int) (fp ^ (fp >>> 32)) & mask;; i = (i + 1) & mask) {
            if (fingerprints[i] == EMPTY) {
                return -1;
            }
            if (fingerprints[i] == fp && sameKey(offsets[i], k)) {
                return i;
            }
        }
    }

    private void insert(long fp, long hash, int offset) {
        int mask = fingerprints.length - 1;
        int i = (int) (fp ^ (fp >>> 32)) & mask;
        while (fingerprints[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        fingerprints[i] = fp;
        hashes[i] = hash;
        offsets[i] = offset;
    }

    private void grow() {
        long[] oldFp = fingerprints;
        long[] oldHashes = hashes;
        int[] oldOffsets = offsets;
        boolean[] oldRemoved = removed;
        int size = oldFp.length * 2;
        fingerprints = new long[size];
        hashes = new long[size];
        offsets = new int[size];
        removed = new boolean[size];
        used = 0;
        for (int i = 0; i < oldFp.length; i++) {
            if (oldFp[i] != EMPTY && !oldRemoved[i]) {
                insert(oldFp[i], oldHashes[i], oldOffsets[i]);
                used++;
            }
        }
    }

    /** Stores the key as a 2-byte length and its bytes; returns the offset. */
    private int store(byte[] k) {
        if (k.length > 0xFFFF) {
            throw new IllegalArgumentException("key longer than 65535 bytes");
        }
        if (arenaUsed + 2 + k.length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + 2 + k.length));
        }
        int offset = arenaUsed;
        arena[offset] = (byte) (k.length >>> 8);
        arena[offset + 1] = (byte) k.length;
        System.arraycopy(k, 0, arena, offset + 2, k.length);
        arenaUsed += 2 + k.length;
        return offset;
    }

    private boolean sameKey(int offset, byte[] k) {
        int length = (arena[offset] & 0xff) << 8 | arena[offset + 1] & 0xff;
        return length == k.length && Arrays.equals(arena, offset + 2, offset + 2 + length, k, 0, k.length);
    }

    private String keyAt(int offset) {
        int length = (arena[offset] & 0xff) << 8 | arena[offset + 1] & 0xff;
        return new String(arena, offset + 2, length, StandardCharsets.UTF_8);
    }

    /** FNV-1a 64, never 0 (0 marks an empty slot). */
    private static long fingerprint(byte[] k) {
        long h = 0xcbf29ce484222325L;
        for (byte b : k) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 29;
        return h == EMPTY ? 1 : h;
    }
}
