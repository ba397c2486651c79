package org.magentokafka.change;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.ObjLongConsumer;

/**
 * Key to {@link KeyVersion} (content hash and event sequence) map for millions of keys in little heap: open
 * addressing over primitive arrays (a 32-bit tag of the key, the 64-bit content hash, an offset, the 32-bit
 * sequence: 20 bytes per slot, at most 80 % full) and the keys' UTF-8 bytes in one arena, about 55 bytes per key
 * for SKU-like keys instead of ~150 for a {@code HashMap<String, KeyVersion>}. Keys are compared byte for byte, so
 * tag collisions cost a comparison, never a wrong answer. A deleted key keeps its slot and its sequence (its hash
 * is gone), so a key re-created later continues its sequence instead of repeating the ids of its first life.
 * Capacities grow by less than doubling so a large state does not carry half a table of air.
 */
final class CompactHashIndex {

    private static final int EMPTY = 0;
    /** Linear probing over 32-bit tags stays short at 80 %: most probes compare an int, not the key's bytes. */
    private static final double MAX_LOAD = 0.8;
    /**
     * Slots per kept key (live or deleted with a sequence) right after growing: the table is 67 % full then. Was
     * 1.75 (and at most 75 % full): 1,000,000 keys took 6 MiB more, room the child &rarr; parents index of the
     * storefront needs beside the state (BENCHMARKS.md, section 3).
     */
    private static final double GROWN_SLOTS_PER_KEY = 1.5;
    private static final int MIN_SLOTS = 1024;

    private int[] tags = new int[MIN_SLOTS];
    private long[] hashes = new long[MIN_SLOTS];
    /** Offset of the key in the arena; {@code -(offset + 1)} once the key was deleted (its sequence stays). */
    private int[] offsets = new int[MIN_SLOTS];
    private int[] sequences = new int[MIN_SLOTS];
    private byte[] arena = new byte[1 << 14];
    private int arenaUsed;
    private int used;
    private int live;

    /** The key's content hash, or null when it was deleted or never seen. */
    Long get(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int slot = find(k, tag(k));
        return slot < 0 || offsets[slot] < 0 ? null : hashes[slot];
    }

    /** The key's hash and sequence; {@link KeyVersion#NONE} for a key never seen. */
    KeyVersion version(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int slot = find(k, tag(k));
        if (slot < 0) {
            return KeyVersion.NONE;
        }
        return new KeyVersion(offsets[slot] < 0 ? null : hashes[slot], sequences[slot]);
    }

    /** Records the key's version; a null hash marks the key deleted (it keeps its sequence). */
    void put(String key, KeyVersion version) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int tag = tag(k);
        int slot = find(k, tag);
        if (slot >= 0) {
            boolean wasLive = offsets[slot] >= 0;
            if (version.live() != wasLive) {
                offsets[slot] = -offsets[slot] - 1;
                live += version.live() ? 1 : -1;
            }
            hashes[slot] = version.live() ? version.hash() : 0L;
            sequences[slot] = version.sequence();
            return;
        }
        if (!version.live() && version.sequence() == 0) {
            return; // deleting a key never seen with no sequence to keep: nothing to remember
        }
        if (used + 1 > tags.length * MAX_LOAD) {
            grow();
        }
        int offset = store(k);
        insert(tag, version.live() ? version.hash() : 0L, version.live() ? offset : -offset - 1, version.sequence());
        used++;
        if (version.live()) {
            live++;
        }
    }

    /** Marks the key deleted, keeping its sequence (the state file's older format had no sequences). */
    void remove(String key) {
        KeyVersion version = version(key);
        if (version.live()) {
            put(key, new KeyVersion(null, version.sequence()));
        }
    }

    int size() {
        return live;
    }

    Set<String> keys() {
        Set<String> keys = new HashSet<>(Math.max(16, live * 4 / 3));
        forEach((key, hash) -> keys.add(key));
        return keys;
    }

    /** Calls the visitor for every live entry. */
    void forEach(ObjLongConsumer<String> visitor) {
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] != EMPTY && offsets[i] >= 0) {
                visitor.accept(keyAt(offsets[i]), hashes[i]);
            }
        }
    }

    /** Calls the visitor for every entry worth keeping: the live keys and the deleted keys with a sequence. */
    void forEachVersion(BiConsumer<String, KeyVersion> visitor) {
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] == EMPTY) {
                continue;
            }
            if (offsets[i] >= 0) {
                visitor.accept(keyAt(offsets[i]), new KeyVersion(hashes[i], sequences[i]));
            } else if (sequences[i] != 0) {
                visitor.accept(keyAt(-offsets[i] - 1), new KeyVersion(null, sequences[i]));
            }
        }
    }

    private int home(int tag) {
        // Multiply-shift maps the tag onto any table size, so capacities need not be powers of two.
        return (int) (((tag & 0xffffffffL) * tags.length) >>> 32);
    }

    /** The slot holding the key (live or removed), or -1. */
    private int find(byte[] k, int tag) {
        int n = tags.length;
        for (int i = home(tag);; i = i + 1 == n ? 0 : i + 1) {
            if (tags[i] == EMPTY) {
                return -1;
            }
            if (tags[i] == tag && sameKey(offsets[i] >= 0 ? offsets[i] : -offsets[i] - 1, k)) {
                return i;
            }
        }
    }

    private void insert(int tag, long hash, int offset, int sequence) {
        int n = tags.length;
        int i = home(tag);
        while (tags[i] != EMPTY) {
            i = i + 1 == n ? 0 : i + 1;
        }
        tags[i] = tag;
        hashes[i] = hash;
        offsets[i] = offset;
        sequences[i] = sequence;
    }

    /** Rebuilds the table for the entries worth keeping (deleted keys without a sequence are dropped here). */
    private void grow() {
        int[] oldTags = tags;
        long[] oldHashes = hashes;
        int[] oldOffsets = offsets;
        int[] oldSequences = sequences;
        int size = (int) Math.max(MIN_SLOTS, Math.min(Integer.MAX_VALUE - 8, (long) ((used + 1) * GROWN_SLOTS_PER_KEY)));
        tags = new int[size];
        hashes = new long[size];
        offsets = new int[size];
        sequences = new int[size];
        used = 0;
        for (int i = 0; i < oldTags.length; i++) {
            if (oldTags[i] != EMPTY && (oldOffsets[i] >= 0 || oldSequences[i] != 0)) {
                insert(oldTags[i], oldHashes[i], oldOffsets[i], oldSequences[i]);
                used++;
            }
        }
    }

    /** Stores the key as a 2-byte length and its bytes; returns the offset. */
    private int store(byte[] k) {
        if (k.length > 0xFFFF) {
            throw new IllegalArgumentException("key longer than 65535 bytes");
        }
        int needed = arenaUsed + 2 + k.length;
        if (needed > arena.length) {
            // A quarter more each time: the arena is the bulk of a large state, so little of it stays unused.
            long grown = Math.max((long) arena.length + (arena.length >> 2), needed);
            if (grown > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("change-detection state exceeds 2 GiB of keys");
            }
            arena = Arrays.copyOf(arena, (int) grown);
        }
        int offset = arenaUsed;
        arena[offset] = (byte) (k.length >>> 8);
        arena[offset + 1] = (byte) k.length;
        System.arraycopy(k, 0, arena, offset + 2, k.length);
        arenaUsed = needed;
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

    /** The key's 64-bit fingerprint folded to 32 bits; never 0 (0 marks an empty slot). */
    private static int tag(byte[] k) {
        long h = KeyFingerprints.fingerprint(k);
        int tag = (int) (h ^ (h >>> 32));
        return tag == EMPTY ? 1 : tag;
    }
}
