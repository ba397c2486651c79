package org.magentokafka.storefront;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.magentokafka.paging.SearchCriteria;

/**
 * When special prices change the final price by themselves: a window opens at the store view's midnight of its
 * {@code special_from_date} and closes at the midnight after its {@code special_to_date}, without the product's
 * {@code updated_at} moving (magento2 #30593). The price pass asks for exactly those products with these
 * filters; catalog price rules have date windows too, but no REST resource lists them for a GET-only client.
 */
public final class PriceWindows {

    private PriceWindows() {
    }

    /** The store view's time zone ({@code timezone} of its store config); UTC when it is missing or unknown. */
    public static ZoneId zone(StoreViewScope scope) {
        if (scope.timezone() == null || scope.timezone().isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(scope.timezone());
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** The store view's date now: the day its special-price windows are judged by. */
    public static LocalDate today(StoreViewScope scope, Clock clock) {
        return clock.instant().atZone(zone(scope)).toLocalDate();
    }

    /**
     * The product searches (sorted by id) that find every product whose special price started or stopped applying
     * on one of the days after {@code after} up to {@code through}: a window opening on one of those days
     * ({@code special_from_date} in it), or closing ({@code special_to_date} on the day before one of them). Two
     * searches, as searchCriteria ORs only within one filter group and each needs two bounds.
     */
    public static List<SearchCriteria> movedAfter(LocalDate after, LocalDate through, int pageSize) {
        return List.of(between("special_from_date", after.plusDays(1), through, pageSize),
                between("special_to_date", after, through.minusDays(1), pageSize));
    }

    private static SearchCriteria between(String field, LocalDate first, LocalDate last, int pageSize) {
        return SearchCriteria.paged(pageSize)
                .withFilterGroup(new SearchCriteria.Filter(field, first + " 00:00:00", "gteq"))
                .withFilterGroup(new SearchCriteria.Filter(field, last + " 23:59:59", "lteq"))
                .sortedBy("entity_id", "ASC");
    }
}
