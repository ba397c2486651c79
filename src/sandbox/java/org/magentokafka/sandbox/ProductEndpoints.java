package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** GET /V1/products and GET /V1/products/{sku} (Magento\Catalog\Api\ProductRepositoryInterface). */
final class ProductEndpoints {

    static final FieldResolver FIELDS = new JsonFields(
            Map.of("entity_id", "id"),
            Set.of("id", "sku", "name", "attribute_set_id", "price", "status", "visibility", "type_id",
                    "created_at", "updated_at", "weight"),
            Set.of("description", "url_key", "tax_class_id", "category_ids", "color", "material", "manufacturer",
                    "options_container", "required_options", "has_options", "meta_title", "meta_keyword",
                    "meta_description", "special_price", "news_from_date", "news_to_date", "country_of_manufacture",
                    "size", "special_from_date", "special_to_date"),
            Map.<String, Function<ObjectNode, List<String>>>of("category_id", ProductEndpoints::categoryIds),
            JsonFields.invalidAttribute(),
            null);

    private ProductEndpoints() {
    }

    static JsonNode list(RestCall call) {
        SearchQuery criteria = call.searchCriteria();
        String store = call.store().code();
        SandboxCatalog catalog = call.catalog();
        IdRange range = IdRange.of(criteria, "entity_id");
        List<Integer> ids = idsRequired(criteria);
        List<ObjectNode> matching;
        SearchResult result;
        if (ids != null) {
            // entity_id in (...), as for a page's configurable children: the primary key finds them.
            matching = CollectionSearch.matching(localized(catalog, catalog.productNodesById(ids), store), criteria, FIELDS);
            result = CollectionSearch.paged(matching, criteria);
        } else if (range != null && sortedById(criteria)) {
            // A keyset page: the id range in id order is the answer; only the page's rows need their store values.
            matching = catalog.productNodes(range);
            SearchResult raw = CollectionSearch.paged(matching, criteria);
            result = new SearchResult(localized(catalog, raw.items(), store), raw.totalCount(), criteria);
        } else {
            matching = range != null
                    ? CollectionSearch.matching(localized(catalog, catalog.productNodes(range), store), criteria, FIELDS)
                    : catalog.searches().matching("products", store, catalog.version(), criteria,
                            () -> localized(catalog, catalog.productNodes(), store), FIELDS);
            result = CollectionSearch.paged(matching, criteria);
        }
        Faults faults = call.faults().faults();
        if (!faults.hasBadData()) {
            return result.toJson(item -> item);
        }
        return withBadData(matching, criteria, result, call.faults()).toJson(item -> BadData.product(item, call.faults()));
    }

    /**
     * The ids a filter group pins the result to ({@code entity_id in/eq} alone in its group), or null; the filters
     * still apply to the rows found.
     */
    static List<Integer> idsRequired(SearchQuery criteria) {
        for (List<SearchQuery.Filter> group : criteria.filterGroups()) {
            if (group.size() == 1 && "entity_id".equals(group.get(0).field())
                && Set.of("in", "eq").contains(group.get(0).condition())) {
                List<Integer> ids = new ArrayList<>();
                for (String value : group.get(0).value().split(",")) {
                    try {
                        ids.add(Integer.parseInt(value.trim()));
                    } catch (NumberFormatException notAnId) {
                        // matches no row, as MySQL's comparison of a non-number with an int column
                    }
                }
                return ids;
            }
        }
        return null;
    }

    /** No sort (the primary key's order) or entity_id ascending. */
    private static boolean sortedById(SearchQuery criteria) {
        return criteria.sortOrders().isEmpty()
               || criteria.sortOrders().size() == 1 && "entity_id".equals(criteria.sortOrders().get(0).field())
                  && !criteria.sortOrders().get(0).descending();
    }

    /** Store-scoped values (names) take part in filtering and sorting, so items are localized first. */
    private static List<ObjectNode> localized(SandboxCatalog catalog, List<ObjectNode> products, String store) {
        List<ObjectNode> items = new ArrayList<>(products.size());
        for (ObjectNode product : products) {
            items.add(catalog.productInStore(product, store));
        }
        return items;
    }

    /** Repeats configured products from the previous page and lets total_count drift on pages 2+. */
    private static SearchResult withBadData(List<ObjectNode> matching, SearchQuery criteria, SearchResult result,
                                            FaultPlan plan) {
        Faults faults = plan.faults();
        List<ObjectNode> page = result.items();
        Integer size = criteria.pageSize();
        int requested = criteria.currentPage() == null ? 1 : criteria.currentPage();
        if (!faults.duplicateAcrossPages().isEmpty() && size != null && size > 0) {
            int lastPage = Math.max(1, (result.totalCount() + size - 1) / size);
            int served = Math.min(Math.max(requested, 1), lastPage);
            if (served > 1) {
                SearchQuery previous = new SearchQuery(criteria.filterGroups(), criteria.sortOrders(), size, served - 1);
                List<ObjectNode> repeats = BadData.repeats(CollectionSearch.paged(matching, previous).items(),
                        page, faults.duplicateAcrossPages());
                if (!repeats.isEmpty()) {
                    List<ObjectNode> longer = new ArrayList<>(repeats);
                    longer.addAll(page);
                    page = longer;
                    repeats.forEach(r -> plan.record(Faults.Kind.DUPLICATE_ACROSS_PAGES));
                }
            }
        }
        int total = result.totalCount();
        if (faults.totalCountDrift() != 0 && requested >= 2) {
            total = Math.max(0, total + faults.totalCountDrift());
            plan.record(Faults.Kind.TOTAL_COUNT_DRIFT);
        }
        return new SearchResult(page, total, criteria);
    }

    static JsonNode get(RestCall call) {
        ObjectNode product = call.catalog().productNode(call.param(0));
        if (product == null) {
            throw MagentoError.of(404, "The product that was requested doesn't exist. Verify the product and try again.");
        }
        return BadData.product(call.catalog().productInStore(product, call.store().code()), call.faults());
    }

    private static List<String> categoryIds(ObjectNode product) {
        List<String> ids = new ArrayList<>();
        product.path("extension_attributes").path("category_links")
                .forEach(link -> ids.add(link.path("category_id").asText()));
        return ids;
    }
}
