package org.magentokafka.storefront;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.paging.SearchCriteria;

/**
 * The child rows of a page's configurables ({@code extension_attributes.configurable_product_links}) that are not
 * on the page themselves: one {@code GET /V1/products} with {@code entity_id in (...)} (a second page only past the
 * page size).
 */
final class ChildRows {

    /** Magento's largest page: ids beyond it go in a second request. */
    static final int MAX_PER_REQUEST = 300;

    private ChildRows() {
    }

    /**
     * @param client   the store view's client: the children's names and status are the store view's
     * @param products the page's rows
     * @return the children not on the page, by entity id; a child the store no longer returns (deleted meanwhile)
     * is simply absent
     */
    static Map<Long, Map<String, Object>> of(MagentoClient client, List<Map<String, Object>> products) {
        List<Long> wanted = missingChildIds(products);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, Object>> rows = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += MAX_PER_REQUEST) {
            List<Long> batch = wanted.subList(from, Math.min(wanted.size(), from + MAX_PER_REQUEST));
            List<String> ids = new ArrayList<>(batch.size());
            batch.forEach(id -> ids.add(Long.toString(id)));
            // Page size = the ids asked for: the whole answer is page 1, whatever total_count says.
            SearchCriteria criteria = SearchCriteria.paged(batch.size())
                    .withFilterGroup(new SearchCriteria.Filter("entity_id", String.join(",", ids), "in"));
            for (Map<String, Object> row : client.fetchPage("/V1/products", criteria).items()) {
                Long id = Variants.idOf(row);
                if (id != null) {
                    rows.put(id, row);
                }
            }
        }
        return rows;
    }

    /** The page's configurables' child ids the page does not hold, each once, in link order. */
    static List<Long> missingChildIds(List<Map<String, Object>> products) {
        Set<Long> onPage = new HashSet<>();
        for (Map<String, Object> product : products) {
            Long id = Variants.idOf(product);
            if (id != null) {
                onPage.add(id);
            }
        }
        Set<Long> wanted = new LinkedHashSet<>();
        for (Map<String, Object> product : products) {
            if (Variants.isConfigurable(product)) {
                for (long child : Variants.childIds(product)) {
                    if (!onPage.contains(child)) {
                        wanted.add(child);
                    }
                }
            }
        }
        return new ArrayList<>(wanted);
    }
}
