package org.magentokafka.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.magentokafka.paging.SearchCriteria;

/** Which products the price pass asks for, and whose midnight counts. */
class PriceWindowsTest {

    private static final StoreViewScope CHICAGO = new StoreViewScope("default", 1, 1, "base", "USD", "https://s/media/",
            "https://s/", "America/Chicago", 1);

    @Test
    void theDayTurnsAtTheStoreViewsMidnightNotUtcs() {
        // 05:30 UTC on March 2nd is still March 1st in Chicago (UTC-6).
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T05:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 3, 1), PriceWindows.today(CHICAGO, clock));
        assertEquals(LocalDate.of(2026, 3, 2), PriceWindows.today(CHICAGO, Clock.offset(clock, Duration.ofHours(1))));
    }

    @Test
    void windowsOpeningOnTheNewDaysOrClosedTheDayBeforeOneOfThemAreAskedFor() {
        List<SearchCriteria> searches = PriceWindows.movedAfter(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), 300);

        assertEquals(List.of(new SearchCriteria.Filter("special_from_date", "2026-03-02 00:00:00", "gteq"),
                new SearchCriteria.Filter("special_from_date", "2026-03-02 23:59:59", "lteq")), filters(searches.get(0)));
        assertEquals(List.of(new SearchCriteria.Filter("special_to_date", "2026-03-01 00:00:00", "gteq"),
                new SearchCriteria.Filter("special_to_date", "2026-03-01 23:59:59", "lteq")), filters(searches.get(1)));
    }

    private static List<SearchCriteria.Filter> filters(SearchCriteria criteria) {
        List<Map.Entry<String, String>> params = criteria.parameters();
        List<SearchCriteria.Filter> filters = new ArrayList<>();
        for (int g = 0; ; g++) {
            String prefix = "searchCriteria[filterGroups][" + g + "][filters][0]";
            String field = value(params, prefix + "[field]");
            if (field == null) {
                return filters;
            }
            filters.add(new SearchCriteria.Filter(field, value(params, prefix + "[value]"), value(params, prefix + "[conditionType]")));
        }
    }

    private static String value(List<Map.Entry<String, String>> params, String key) {
        return params.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
