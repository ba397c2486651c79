package org.magentokafka.paging;

import java.util.List;
import java.util.Objects;

/**
 * What a page-number pass may believe of a store's list answers, page after page, and how far it may ask.
 * <p>
 * A store's answer is schema-valid whatever {@code total_count} says, so the pass trusts it only as far as the
 * items bear it out: page {@code n} of a collection of {@code total_count} items holds
 * {@code min(pageSize, total_count - (n - 1) x pageSize)} items. A negative count, a first page with more items
 * than the count, a page shorter than that before the last one, or a page repeating an earlier one (Magento
 * answers a page past the real end with the last page again) ends the pass as inconsistent. Pages are requested at
 * most {@code readAhead} beyond the last one accepted, so a count of millions with a short page costs the
 * requests already in flight, never the millions. More items than the page size are tolerated (Magento repeats a
 * row across pages when rows shift), as is a count that changes after page 1 (the consumer re-reads the window).
 * Pages must be accepted in order; not thread-safe.
 */
public final class PageBounds {

    /** What the store answered that cannot be true, in one phrase for the log. */
    public record Problem(Kind kind, String detail) {
    }

    public enum Kind { NEGATIVE_TOTAL, MORE_ITEMS_THAN_TOTAL, SHORT_PAGE, FEWER_ITEMS_THAN_TOTAL, REPEATED_PAGE }

    private final int pageSize;
    private final int readAhead;
    private long declaredTotal;
    private int declaredPages;
    private int accepted;
    private boolean empty;
    private boolean repeated;
    private Problem problem;
    private List<String> firstKeys;
    private List<String> previousKeys;

    /** @param readAhead how many pages beyond the last accepted one may be in flight (at least 1) */
    public PageBounds(int pageSize, int readAhead) {
        if (pageSize < 1 || readAhead < 1) {
            throw new IllegalArgumentException("pageSize and readAhead must be at least 1");
        }
        this.pageSize = pageSize;
        this.readAhead = readAhead;
    }

    /**
     * Takes the next page's answer (page 1 first).
     *
     * @param keys the items' keys in answer order (null for an item without one)
     * @return whether the pass goes on after this page
     */
    public boolean accept(long totalCount, List<String> keys) {
        if (problem != null) {
            throw new IllegalStateException("the pass already ended: " + problem.detail());
        }
        int number = ++accepted;
        int items = keys.size();
        repeated = false;
        if (number == 1) {
            declaredTotal = totalCount;
            declaredPages = pagesOf(totalCount);
            empty = totalCount == 0 && items == 0;
        }
        problem = check(number, totalCount, keys);
        if (number == 1) {
            firstKeys = List.copyOf(nullSafe(keys));
        }
        previousKeys = List.copyOf(nullSafe(keys));
        return hasMore();
    }

    private Problem check(int number, long total, List<String> keys) {
        int items = keys.size();
        if (total < 0) {
            return new Problem(Kind.NEGATIVE_TOTAL, "page " + number + " reports total_count " + total);
        }
        if (number == 1 && items > total) {
            return new Problem(Kind.MORE_ITEMS_THAN_TOTAL, "page 1 has " + items + " items but total_count is " + total);
        }
        if (number > 1 && items > 0 && (sameKeys(keys, previousKeys) || sameKeys(keys, firstKeys))) {
            repeated = true;
            return new Problem(Kind.REPEATED_PAGE, "page " + number + " repeats the items of page "
                                                   + (sameKeys(keys, previousKeys) ? number - 1 : 1)
                                                   + " (total_count " + total + " claims " + pagesOf(total) + " pages)");
        }
        int ownPages = pagesOf(total);
        if (number > ownPages) {
            // Only when the count shrank after page 1: the rows shifted, which the consumer handles on its own.
            return null;
        }
        long expected = Math.min(pageSize, total - (long) (number - 1) * pageSize);
        if (items < expected && number < ownPages) {
            return new Problem(Kind.SHORT_PAGE, "page " + number + " of " + ownPages + " (total_count " + total + ") has "
                                                + items + " items, fewer than the page size " + pageSize);
        }
        if (items < expected) {
            return new Problem(Kind.FEWER_ITEMS_THAN_TOTAL, "the last page " + number + " has " + items
                                                            + " items where total_count " + total + " needs " + expected);
        }
        return null;
    }

    /** True while the answers so far are consistent and the declared pages are not all read. */
    public boolean hasMore() {
        return problem == null && accepted < declaredPages;
    }

    /** The highest page number the pass may have requested by now: never past what the answers justify. */
    public int requestLimit() {
        if (problem != null) {
            return accepted;
        }
        return (int) Math.min(declaredPages, (long) accepted + readAhead);
    }

    /** Page 1 said the collection is empty, and showed no items. */
    public boolean empty() {
        return empty;
    }

    public boolean consistent() {
        return problem == null;
    }

    /** The first inconsistency, or null. */
    public Problem problem() {
        return problem;
    }

    /** The last accepted page repeated an earlier one: nothing on it is new. */
    public boolean repeated() {
        return repeated;
    }

    /** Whether these keys are those of page 1 or of the last accepted page (a repeat past the end). */
    public boolean isRepeat(List<String> keys) {
        return !keys.isEmpty() && (sameKeys(keys, previousKeys) || sameKeys(keys, firstKeys));
    }

    /** The pages page 1's total_count claims (0 when it is negative), for page headers and progress. */
    public int declaredPages() {
        return declaredPages;
    }

    private int pagesOf(long total) {
        if (total <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, (total + pageSize - 1) / pageSize);
    }

    private static boolean sameKeys(List<String> keys, List<String> other) {
        if (other == null || keys.size() != other.size() || keys.stream().allMatch(Objects::isNull)) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!Objects.equals(keys.get(i), other.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> nullSafe(List<String> keys) {
        // List.copyOf refuses nulls; an item without a key stays a placeholder that never matches.
        return keys.stream().map(k -> k == null ? "\0" : k).toList();
    }

    /**
     * A keyset page (page 1 of {@code id > cursor}) holds {@code min(pageSize, total_count)} items. The keyset pass
     * never needs the count (a short page ends a range), so a count that contradicts the items is reported, not
     * followed.
     *
     * @return the contradiction, or null when the answer is consistent
     */
    public static Problem keysetProblem(long total, int items, int pageSize) {
        if (total < 0) {
            return new Problem(Kind.NEGATIVE_TOTAL, "a keyset page reports total_count " + total);
        }
        if (items > total) {
            return new Problem(Kind.MORE_ITEMS_THAN_TOTAL, "a keyset page has " + items + " items but total_count is " + total);
        }
        if (items < pageSize && items < total) {
            return new Problem(Kind.SHORT_PAGE, "a keyset page has " + items + " items, fewer than the page size "
                                                + pageSize + ", but total_count is " + total);
        }
        return null;
    }
}
