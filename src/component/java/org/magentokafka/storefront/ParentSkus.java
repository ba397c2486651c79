package org.magentokafka.storefront;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The parents of {@link ParentIndex} by number: each one's SKU, stored once as UTF-8 in one arena, and its count of
 * links. Not thread-safe: the index guards it.
 */
final class ParentSkus {

    private int[] skuOffsets = new int[64];
    /** Links per parent (saturating at 255): a page showing as many links, all already there, changes nothing. */
    private byte[] linkCounts = new byte[64];
    private byte[] skus = new byte[1024];
    private int skusUsed;
    private int parents;

    /** A new parent; returns its number. */
    int add(String sku) {
        if (parents == skuOffsets.length) {
            int grown = parents + Math.max(16, parents >> 2);
            skuOffsets = Arrays.copyOf(skuOffsets, grown);
            linkCounts = Arrays.copyOf(linkCounts, grown);
        }
        skuOffsets[parents] = storeSku(sku);
        return parents++;
    }

    /** The parent was renamed: the old bytes stay unused until a rebuild. */
    void rename(int number, String sku) {
        skuOffsets[number] = storeSku(sku);
    }

    String skuOf(int number) {
        int offset = skuOffsets[number];
        int length = skus[offset] & 0xff;
        return new String(skus, offset + 1, length, StandardCharsets.UTF_8);
    }

    /** The parent's links as last counted (at most 255). */
    int links(int number) {
        return linkCounts[number] & 0xff;
    }

    void links(int number, int count) {
        linkCounts[number] = (byte) count;
    }

    int count() {
        return parents;
    }

    /** Takes over the parents of an index built aside, trimmed: 100,000s of configurables carry no growth slack. */
    void takeOverTrimmed(ParentSkus rebuilt) {
        skuOffsets = Arrays.copyOf(rebuilt.skuOffsets, Math.max(1, rebuilt.parents));
        linkCounts = Arrays.copyOf(rebuilt.linkCounts, Math.max(1, rebuilt.parents));
        skus = Arrays.copyOf(rebuilt.skus, Math.max(1, rebuilt.skusUsed));
        skusUsed = rebuilt.skusUsed;
        parents = rebuilt.parents;
    }

    /** Stores a SKU as a 1-byte length and its UTF-8 bytes (Magento's SKUs are at most 64 characters); returns the offset. */
    private int storeSku(String sku) {
        byte[] bytes = sku.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFF) {
            throw new IllegalArgumentException("a SKU longer than 255 bytes: " + sku.substring(0, 40) + "...");
        }
        int length = bytes.length;
        int needed = skusUsed + 1 + length;
        if (needed > skus.length) {
            skus = Arrays.copyOf(skus, Math.max(needed, skus.length + (skus.length >> 2)));
        }
        skus[skusUsed] = (byte) length;
        System.arraycopy(bytes, 0, skus, skusUsed + 1, length);
        int offset = skusUsed;
        skusUsed = needed;
        return offset;
    }
}
