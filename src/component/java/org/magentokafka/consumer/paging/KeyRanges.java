package org.magentokafka.consumer.paging;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the ids after the first keyset page into contiguous ranges, one per concurrent reader. Each range is read
 * with {@code id > cursor AND id <= upper}; the last range has no upper bound, so rows created during the pass
 * (higher ids) are read too.
 */
public final class KeyRanges {

    /** Ids {@code (lower, upper]}; {@code upper == null}: no upper bound. */
    public record Range(long lower, Long upper) {
    }

    private KeyRanges() {
    }

    /**
     * @param after   the last id already read (the end of page 1)
     * @param highest the highest id in the collection when the pass started
     * @param parts   the number of ranges wanted (at least 1); fewer when the id span is smaller
     */
    public static List<Range> split(long after, long highest, int parts) {
        List<Range> ranges = new ArrayList<>();
        long span = highest - after;
        int count = (int) Math.max(1, Math.min(parts, span));
        long lower = after;
        for (int i = 1; i < count; i++) {
            long upper = after + span * i / count;
            ranges.add(new Range(lower, upper));
            lower = upper;
        }
        ranges.add(new Range(lower, null));
        return ranges;
    }
}
