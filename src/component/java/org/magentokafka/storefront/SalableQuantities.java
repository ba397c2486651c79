package org.magentokafka.storefront;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.ValueFilters;

/**
 * Salable state of a page's SKUs and of its configurables' children in the store view's website stock: one
 * {@code GET /V1/inventory/export-stock-salable-qty/website/{code}} with {@code sku in (...)} (one more per 300 SKUs
 * past the first 300). A SKU Magento does not answer (not in the website, no stock) is not salable, quantity 0.
 * A configurable's state is its enabled children's ({@link ConfigurableSalable}). A store without the inventory
 * modules gets the source-item sums instead ({@link SourceItemSalable}).
 */
final class SalableQuantities {

    /** Magento's searchCriteria maximum page size. */
    static final int MAX_SKUS = 300;

    private SalableQuantities() {
    }

    static Map<String, SalableState> of(MagentoClient client, StoreViewScope scope, List<Map<String, Object>> products,
                                        Map<Long, Map<String, Object>> children) {
        List<Map<String, Object>> rows = new ArrayList<>(products);
        rows.addAll(children.values());
        Set<String> skus = skusOf(rows);
        if (skus.isEmpty()) {
            return Map.of();
        }
        if (scope.stockId() != null && !SourceItemSalable.known(client, scope)) {
            try {
                return ConfigurableSalable.applied(rows, fromExport(client, scope, skus), scope.stockId());
            } catch (MagentoException e) {
                if (!e.noSuchRoute()) {
                    throw e;
                }
                SourceItemSalable.noExport(client, scope);
            }
        }
        return ConfigurableSalable.applied(rows, SourceItemSalable.of(client, scope, skus), null);
    }

    private static Map<String, SalableState> fromExport(MagentoClient client, StoreViewScope scope, Set<String> skus) {
        // SKUs are case-insensitive in Magento: the answer may spell one differently from the row.
        Map<String, SalableState> bySku = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (SearchCriteria.Filter filter : ValueFilters.of("sku", skus, MAX_SKUS)) {
            // Page size = the SKUs asked for: one row per SKU at most, so the first page is the whole answer and
            // total_count (capped at the page size before 2.4.9) is never needed. Chunks of 300 keep the URL short.
            int asked = "in".equals(filter.conditionType()) ? filter.value().split(",").length : 1;
            SearchCriteria criteria = SearchCriteria.paged(asked).withFilterGroup(filter);
            for (SalableExport.Item item : SalableExport.page(client, scope.websiteCode(), criteria)) {
                bySku.put(item.sku(), new SalableState(item.quantity(), item.isSalable(), scope.stockId()));
            }
        }
        for (String sku : skus) {
            bySku.putIfAbsent(sku, new SalableState(0, false, scope.stockId()));
        }
        return bySku;
    }

    static Set<String> skusOf(List<Map<String, Object>> rows) {
        Set<String> skus = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            if (row != null && row.get("sku") != null) {
                skus.add(row.get("sku").toString());
            }
        }
        return skus;
    }
}
