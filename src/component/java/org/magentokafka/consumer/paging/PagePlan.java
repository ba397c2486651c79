package org.magentokafka.consumer.paging;

/**
 * How many pages a collection has. Magento answers a page past the last one with the last page (or page 1)
 * again instead of an empty page, so a poll must stop at {@code ceil(total_count / pageSize)} and never ask
 * for more (magento2 #3787, #8099, #26986).
 */
public record PagePlan(long totalCount, int pageSize) {

    public PagePlan {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        if (totalCount < 0) {
            throw new IllegalArgumentException("total_count must not be negative, was " + totalCount);
        }
    }

    public int pageCount() {
        return (int) ((totalCount + pageSize - 1) / pageSize);
    }

    public boolean isEmpty() {
        return totalCount == 0;
    }

    public boolean hasPage(int page) {
        return page >= 1 && page <= pageCount();
    }
}
