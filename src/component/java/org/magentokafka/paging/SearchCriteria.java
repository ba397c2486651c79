package org.magentokafka.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.magentokafka.net.PercentEncoding;

/**
 * Magento's {@code searchCriteria} query, built in the bracket form the REST API reads. Immutable: each
 * {@code with...} returns a copy so a poll can derive page requests from one base criteria.
 */
public final class SearchCriteria {

    /** Magento's default maximum searchCriteria page size (a larger one is refused with 400). */
    public static final int MAX_PAGE_SIZE = 300;

    /** One filter; filters of one group are OR-ed, groups are AND-ed (docs/magento-rest-facts.md). */
    public record Filter(String field, String value, String conditionType) {
    }

    public record SortOrder(String field, String direction) {
    }

    private final List<List<Filter>> filterGroups;
    private final List<SortOrder> sortOrders;
    private final int pageSize;
    private final int currentPage;

    private SearchCriteria(List<List<Filter>> filterGroups, List<SortOrder> sortOrders, int pageSize, int currentPage) {
        this.filterGroups = List.copyOf(filterGroups);
        this.sortOrders = List.copyOf(sortOrders);
        this.pageSize = pageSize;
        this.currentPage = currentPage;
    }

    /** Every request carries a page size: without one Magento returns the whole collection (magento2 #16536). */
    public static SearchCriteria paged(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        return new SearchCriteria(List.of(), List.of(), pageSize, 1);
    }

    public SearchCriteria withPage(int page) {
        return new SearchCriteria(filterGroups, sortOrders, pageSize, page);
    }

    public SearchCriteria sortedBy(String field, String direction) {
        List<SortOrder> sorts = new ArrayList<>(sortOrders);
        sorts.add(new SortOrder(field, direction));
        return new SearchCriteria(filterGroups, sorts, pageSize, currentPage);
    }

    /** Adds a group holding the given filters (OR-ed together), AND-ed with the existing groups. */
    public SearchCriteria withFilterGroup(Filter... filters) {
        List<List<Filter>> groups = new ArrayList<>(filterGroups);
        groups.add(List.of(filters));
        return new SearchCriteria(groups, sortOrders, pageSize, currentPage);
    }

    public int pageSize() {
        return pageSize;
    }

    public int currentPage() {
        return currentPage;
    }

    /** Parameters in a stable order, unencoded. */
    public List<Map.Entry<String, String>> parameters() {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (int g = 0; g < filterGroups.size(); g++) {
            List<Filter> group = filterGroups.get(g);
            for (int f = 0; f < group.size(); f++) {
                String prefix = "searchCriteria[filterGroups][" + g + "][filters][" + f + "]";
                Filter filter = group.get(f);
                params.add(Map.entry(prefix + "[field]", filter.field()));
                params.add(Map.entry(prefix + "[value]", filter.value()));
                params.add(Map.entry(prefix + "[conditionType]", filter.conditionType()));
            }
        }
        for (int s = 0; s < sortOrders.size(); s++) {
            params.add(Map.entry("searchCriteria[sortOrders][" + s + "][field]", sortOrders.get(s).field()));
            params.add(Map.entry("searchCriteria[sortOrders][" + s + "][direction]", sortOrders.get(s).direction()));
        }
        params.add(Map.entry("searchCriteria[pageSize]", Integer.toString(pageSize)));
        params.add(Map.entry("searchCriteria[currentPage]", Integer.toString(currentPage)));
        return params;
    }

    /** The query string with RFC 3986 percent-encoding (brackets encoded), as OAuth 1.0a signing expects. */
    public String toQueryString() {
        return parameters().stream()
                .map(e -> PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return toQueryString();
    }
}
