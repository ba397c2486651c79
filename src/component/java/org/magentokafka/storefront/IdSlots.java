package org.magentokafka.storefront;

import java.util.Arrays;

/**
 * One {@code int} per entity id, in chunks of 1,024 ids allocated on first use: entity ids are auto-increment, so
 * the chunks are dense. What a slot holds is {@link ParentIndex}'s business (0 is nothing). Not thread-safe: the
 * index guards it.
 */
final class IdSlots {

    private static final int CHUNK_BITS = 10;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private int[][] chunks = new int[16][];

    int get(int id) {
        int c = id >>> CHUNK_BITS;
        if (c >= chunks.length || chunks[c] == null) {
            return 0;
        }
        return chunks[c][id & (CHUNK - 1)];
    }

    void set(int id, int value) {
        int c = id >>> CHUNK_BITS;
        if (c >= chunks.length) {
            if (value == 0) {
                return;
            }
            chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length + (chunks.length >> 1)));
        }
        if (chunks[c] == null) {
            if (value == 0) {
                return;
            }
            chunks[c] = new int[CHUNK];
        }
        chunks[c][id & (CHUNK - 1)] = value;
    }

    /** Empties every slot holding {@code value}: one walk over the ids. */
    void clearEvery(int value) {
        for (int[] chunk : chunks) {
            if (chunk != null) {
                for (int i = 0; i < CHUNK; i++) {
                    if (chunk[i] == value) {
                        chunk[i] = 0;
                    }
                }
            }
        }
    }

    /** Takes over the slots of an index built aside (which is dropped: they are not copied). */
    void takeOver(IdSlots rebuilt) {
        chunks = rebuilt.chunks;
    }
}
