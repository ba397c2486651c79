package org.magentokafka.paging;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Reads a list whole, one page after the other (page 1, 2, ...), never past what the answers bear out
 * ({@link PageBounds}, one page ahead): the one loop of the look-ups, key listings and delete confirmations that need
 * every row of a small list. A page repeating an earlier one (Magento's answer past the real end) is not handed on;
 * an inconsistent answer ends the read on the items shown, and the bounds returned say so.
 */
public final class WholeList {

    private WholeList() {
    }

    /**
     * @param pageSize the criteria's page size
     * @param fetch    asks the store for one page by number
     * @param keysOf   the page's items' keys in answer order (null for an item without one), for the bounds
     * @param each     every page that is not a repeat, in page order
     * @return the bounds after the last page: {@link PageBounds#consistent()} false when the list read is not whole
     */
    public static PageBounds read(int pageSize, IntFunction<Page> fetch, Function<Page, List<String>> keysOf,
                                  Consumer<Page> each) {
        PageBounds bounds = new PageBounds(pageSize, 1);
        int number = 1;
        do {
            Page page = fetch.apply(number++);
            bounds.accept(page.totalCount(), keysOf.apply(page));
            if (!bounds.repeated()) {
                each.accept(page);
            }
        } while (bounds.hasMore());
        return bounds;
    }
}
