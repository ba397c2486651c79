package org.magentokafka.scan;

/**
 * A SKU's salable state (quantity, is_salable) as one 64-bit value for the salable-quantity scan's state: what the
 * state store keeps per key instead of the content hash of an event.
 */
final class SalableFingerprint {

    private SalableFingerprint() {
    }

    static long of(double quantity, boolean salable) {
        // -0.0 and 0.0 are the same quantity.
        long h = Double.doubleToLongBits(quantity == 0 ? 0.0 : quantity) * 0x9E3779B97F4A7C15L + (salable ? 1 : 2);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
