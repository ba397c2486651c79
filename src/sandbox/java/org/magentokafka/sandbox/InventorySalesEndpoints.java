package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET /V1/inventory/stock-resolver/{type}/{code} (InventorySalesApi StockResolverInterface) and
 * GET /V1/inventory/export-stock-salable-qty/{type}/{code} (InventoryExportStockApi). The export lists every
 * product of the website in id order as {sku, qty, is_salable}; like stores before 2.4.9 (ACSD-67089) its
 * total_count is capped at the page size, so a client must stop at the first short page, and a page past the end
 * is empty (the export pages its own SELECT, not a collection).
 * <p>
 * GET /V1/inventory/dump-stock-index-data/{type}/{code} (InventoryExportStockApi, ExportStockIndexDataInterface):
 * the website's whole stock index in one answer, no paging, as a JSON array of {sku, qty, is_salable} read from
 * {@code inventory_stock_<id>} (StockIndexDumpProcessor): {@code qty} is the stock's enabled sources summed,
 * <b>without</b> reservations (an order leaves it), and NULL, so 0, for configurables; {@code is_salable} is the
 * index's flag, which Magento 2.4 updates after reservations (a sold-out product turns false). Only the website's
 * products; an unknown channel type or code is NoSuchEntityException "No linked stock found" (404).
 */
final class InventorySalesEndpoints {

    static final FieldResolver FIELDS = new JsonFields(Map.of(), Set.of("sku", "qty", "is_salable"), Set.of(), Map.of(),
            JsonFields.sqlError(), JsonFields.sqlError());

    private InventorySalesEndpoints() {
    }

    static JsonNode stockResolver(RestCall call) {
        Website website = website(call);
        ObjectNode stock = MagentoJson.MAPPER.createObjectNode();
        stock.put("stock_id", website.stockId());
        stock.put("name", website.stockName());
        stock.putObject("extension_attributes").putArray("sales_channels").addObject()
                .put("type", "website").put("code", website.code());
        return stock;
    }

    static JsonNode salableQuantities(RestCall call) {
        Website website = website(call);
        SearchQuery criteria = call.searchCriteria();
        SalableStock stock = call.catalog().storefront().stock(website);
        List<ObjectNode> candidates = new ArrayList<>();
        List<String> skus = criteria.skusRequired();
        List<ObjectNode> products = skus == null ? call.catalog().productNodes() : productsOf(call.catalog(), skus);
        for (ObjectNode product : products) {
            if (SalableStock.inWebsite(product, website)) {
                candidates.add(product);
            }
        }
        // Filters on sku alone need no quantities: compute them for the page only (a full scan reads every page).
        boolean skuOnly = criteria.filterGroups().stream().flatMap(List::stream).allMatch(f -> "sku".equals(f.field()))
                          && criteria.sortOrders().stream().allMatch(s -> "sku".equals(s.field()));
        List<ObjectNode> rows = new ArrayList<>(candidates.size());
        for (ObjectNode product : candidates) {
            rows.add(skuOnly ? MagentoJson.MAPPER.createObjectNode().put("sku", product.get("sku").asText())
                    : stock.of(product).toJson());
        }
        List<ObjectNode> matching = CollectionSearch.matching(rows, criteria, FIELDS);
        List<ObjectNode> page = page(matching, criteria);
        if (skuOnly) {
            List<ObjectNode> filled = new ArrayList<>();
            for (ObjectNode row : page) {
                filled.add(stock.of(call.catalog().productNode(row.get("sku").asText())).toJson());
            }
            page = filled;
        }
        int total = criteria.pageSize() == null || criteria.pageSize() <= 0
                ? matching.size() : Math.min(matching.size(), criteria.pageSize());
        return new SearchResult(page, total, criteria).toJson(item -> item);
    }

    static JsonNode stockIndexDump(RestCall call) {
        if (!"website".equals(call.param(0))) {
            throw MagentoError.of(404, "No linked stock found");
        }
        Website website = website(call);
        SalableStock salable = call.catalog().storefront().stock(website);
        // The index's quantities know nothing of reservations: orders leave them as they are.
        SalableStock index = new SalableStock(call.catalog(), website, Map.of());
        ArrayNode rows = MagentoJson.MAPPER.createArrayNode();
        for (ObjectNode product : call.catalog().productNodes()) {
            if (!SalableStock.inWebsite(product, website)) {
                continue;
            }
            double quantity = SalableStock.isConfigurable(product) ? 0 : index.of(product).quantity();
            rows.add(new SalableStock.Salable(product.get("sku").asText(), quantity, salable.of(product).salable()).toJson());
        }
        return rows;
    }

    private static Website website(RestCall call) {
        if (!"website".equals(call.param(0))) {
            throw MagentoError.positional(400, "Wrong sales channel type: %1", call.param(0));
        }
        return call.catalog().storeViews().websiteByCode(call.param(1))
                .orElseThrow(() -> MagentoError.of(404, "No linked stock found"));
    }

    private static List<ObjectNode> page(List<ObjectNode> matching, SearchQuery criteria) {
        Integer size = criteria.pageSize();
        if (size == null || size <= 0) {
            return matching;
        }
        long from = (long) (Math.max(1, criteria.currentPage() == null ? 1 : criteria.currentPage()) - 1) * size;
        if (from >= matching.size()) {
            return List.of();
        }
        return matching.subList((int) from, (int) Math.min(from + size, matching.size()));
    }

    private static List<ObjectNode> productsOf(SandboxCatalog catalog, List<String> skus) {
        List<Integer> ids = new ArrayList<>();
        for (String sku : skus) {
            ObjectNode product = catalog.productNode(sku);
            if (product != null) {
                ids.add(product.get("id").asInt());
            }
        }
        return catalog.productNodesById(ids);
    }
}
