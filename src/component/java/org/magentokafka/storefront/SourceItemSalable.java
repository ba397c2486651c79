package org.magentokafka.storefront;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.enrich.InventorySummary;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.ValueFilters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The salable state of a store without the inventory sales modules (single-source stores: stock-resolver or
 * export-stock-salable-qty answer 404 "Request does not match any route."): what the source items say, as the
 * {@code inventory} field always did. Quantity summed over the sources, salable when a source has the SKU in stock
 * (status 1) with a positive quantity, no stock id. One {@code sku in (...)} request of
 * {@code /V1/inventory/source-items} for the page and its children (more only past 300 items). Said once per store.
 */
final class SourceItemSalable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceItemSalable.class);
    private static final String SOURCE_ITEMS = "/V1/inventory/source-items";
    /** Stores (base URL) whose fallback was logged. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
    /** Store and website whose export-stock-salable-qty answered 404: not asked again in this process. */
    private static final Set<String> NO_EXPORT = ConcurrentHashMap.newKeySet();

    private SourceItemSalable() {
    }

    /** Whether this website's export-stock-salable-qty is already known to be missing. */
    static boolean known(MagentoClient client, StoreViewScope scope) {
        return NO_EXPORT.contains(client.address().baseUrl() + "|" + scope.websiteCode());
    }

    /** Export-stock-salable-qty answered 404 for this website: remember it, say it once. */
    static void noExport(MagentoClient client, StoreViewScope scope) {
        NO_EXPORT.add(client.address().baseUrl() + "|" + scope.websiteCode());
        logOnce(client, "GET " + client.address().path(SalableExport.resource(scope.websiteCode()))
                        + " answered 404 \"Request does not match any route.\"");
    }

    static Map<String, SalableState> of(MagentoClient client, StoreViewScope scope, Set<String> skus) {
        if (scope.stockId() == null) {
            logOnce(client, "GET " + client.address().path("/V1/inventory/stock-resolver/website/" + scope.websiteCode())
                            + " answered 404 \"Request does not match any route.\"");
        }
        List<Map<String, Object>> items = sourceItems(client, skus);
        Map<String, List<Map<String, Object>>> bySku = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map<String, Object> item : items) {
            if (item.get("sku") != null) {
                bySku.computeIfAbsent(item.get("sku").toString(), k -> new ArrayList<>()).add(item);
            }
        }
        Map<String, SalableState> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String sku : skus) {
            Map<String, Object> summary = InventorySummary.of(bySku.getOrDefault(sku, List.of()));
            out.put(sku, new SalableState(((Number) summary.get("quantity")).doubleValue(),
                    Boolean.TRUE.equals(summary.get("in_stock")), null));
        }
        return out;
    }

    private static List<Map<String, Object>> sourceItems(MagentoClient client, Set<String> skus) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (SearchCriteria.Filter filter : ValueFilters.of("sku", skus, SalableQuantities.MAX_SKUS)) {
            SearchCriteria criteria = SearchCriteria.paged(SalableQuantities.MAX_SKUS)
                    .withFilterGroup(filter)
                    .sortedBy("sku", "ASC").sortedBy("source_code", "ASC");
            int read = 0;
            for (int number = 1; ; number++) {
                Page page = client.fetchPage(SOURCE_ITEMS, criteria.withPage(number));
                items.addAll(page.items());
                read += page.items().size();
                // A SKU may have several sources: a full page may have a next one. A short page is the last, and so
                // is the page that reaches total_count (Magento answers a page past the end with the last one again).
                if (page.items().size() < criteria.pageSize() || read >= page.totalCount()) {
                    break;
                }
            }
        }
        return items;
    }

    private static void logOnce(MagentoClient client, String cause) {
        if (LOGGED.add(client.address().baseUrl())) {
            LOG.warn("{}: the store has no inventory sales modules (Magento_InventorySalesApi, Magento_InventoryExportStockApi)."
                     + " Product events carry salable {quantity, is_salable} from the source items instead (quantity summed over"
                     + " the sources, salable when a source has it in stock) with stock_id null, and no salable-quantity scan runs."
                     + " Reported once", cause);
        }
    }
}
