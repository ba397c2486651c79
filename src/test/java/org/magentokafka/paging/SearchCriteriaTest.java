package org.magentokafka.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.magentokafka.net.PercentEncoding;

class SearchCriteriaTest {

    @Test
    void everyQueryCarriesPageSizeAndPage() {
        String q = SearchCriteria.paged(100).withPage(3).toQueryString();
        assertEquals("searchCriteria%5BpageSize%5D=100&searchCriteria%5BcurrentPage%5D=3", q);
    }

    @Test
    void filtersAndSortsUseMagentosBracketForm() {
        String q = SearchCriteria.paged(50)
                .withFilterGroup(new SearchCriteria.Filter("updated_at", "2024-01-01 10:00:00", "gteq"))
                .sortedBy("entity_id", "ASC")
                .toQueryString();
        assertTrue(q.startsWith("searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=updated_at"
                                + "&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=2024-01-01%2010%3A00%3A00"
                                + "&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5BconditionType%5D=gteq"
                                + "&searchCriteria%5BsortOrders%5D%5B0%5D%5Bfield%5D=entity_id"), q);
    }

    @Test
    void percentEncodingFollowsRfc3986ForSkusWithSpecialCharacters() {
        assertEquals("24-MB01%2Fblue", PercentEncoding.encode("24-MB01/blue"));
        assertEquals("Tee%20Shirt%20L", PercentEncoding.encode("Tee Shirt L"));
        assertEquals("A%2BB-01", PercentEncoding.encode("A+B-01"));
        assertEquals("R%26D-kit", PercentEncoding.encode("R&D-kit"));
        assertEquals("Gr%C3%B6%C3%9Fe-%C3%84", PercentEncoding.encode("Größe-Ä"));
        assertEquals("a-b.c_d~e", PercentEncoding.encode("a-b.c_d~e"));
    }

    @Test
    void aPageSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SearchCriteria.paged(0));
    }
}
