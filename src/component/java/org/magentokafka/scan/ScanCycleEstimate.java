package org.magentokafka.scan;

import java.time.Duration;

/**
 * How long one scan cycle takes at the store's scan budget: its pages, each one request, spread at the budget's
 * pace, which the scans of a store share (round robin). Printed once the first page gave the store's size, and by
 * the connection check.
 */
public final class ScanCycleEstimate {

    private ScanCycleEstimate() {
    }

    /**
     * @param rows the collection's {@code total_count}
     * @param pageSize rows per scan page
     * @param budgetPerSecond the store's {@code magento.scan-budget}; 0 means no budget (null: not paced)
     * @param scans the scans sharing the budget (at least 1)
     * @return the expected cycle, or null when scans are not paced
     */
    public static Duration expected(long rows, int pageSize, double budgetPerSecond, int scans) {
        if (budgetPerSecond <= 0) {
            return null;
        }
        long pages = Math.max(1, (rows + pageSize - 1) / pageSize);
        double seconds = pages * Math.max(1, scans) / budgetPerSecond;
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }

    /** The number of pages of one cycle. */
    public static long pages(long rows, int pageSize) {
        return Math.max(1, (rows + pageSize - 1) / pageSize);
    }

    /** A duration as an operator reads it: 45 s, 28 min, 3.1 h, 2.5 d (as precise as an estimate deserves). */
    public static String readable(Duration d) {
        double seconds = d.toMillis() / 1000.0;
        if (seconds < 90) {
            return Math.round(Math.ceil(seconds)) + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60) + " min";
        }
        if (seconds < 48 * 3600) {
            return number(Math.round(seconds / 360) / 10.0) + " h";
        }
        return number(Math.round(seconds / 8640) / 10.0) + " d";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
