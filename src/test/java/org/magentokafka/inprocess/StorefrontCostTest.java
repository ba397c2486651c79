package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.InProcessConnector;

/**
 * Issue 14's cost rule on a two-website store (store views {@code default} and {@code eu}): a first sync costs at
 * most 5 requests per page and store view (the page, its source items, salable quantities, children and
 * render-info; one more children request when a page's children exceed a page) plus metadata read once per store
 * view (store configs, websites, stock resolver, attributes, categories), never per page. Counted by endpoint from
 * the simulator's request log.
 */
class StorefrontCostTest {

    private static final int PAGE_SIZE = 100;
    private static final List<String> VIEWS = List.of("default", "eu");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @AutoClose
    private static InProcessConnector connector;
    private static SandboxStore store;
    /** store view -> endpoint -> requests of the first sync. */
    private static final Map<String, Map<String, Integer>> COUNTS = new LinkedHashMap<>();
    private static List<LoggedRequest> requests;

    @BeforeAll
    static void sync() {
        connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(400).storeCodes(List.of("default"))
                        .storefront(StorefrontOptions.full()).build())
                .stream("products")
                .storeCodes(String.join(",", VIEWS))
                .pageSize(PAGE_SIZE)
                .option("maxConcurrency", 4)
                .start();
        store = connector.store();
        for (String view : VIEWS) {
            connector.log().await(Pattern.compile("magento:products synced \\d+ items in \\d+ pages from \\S*/rest/" + view + "/"), WAIT);
        }
        requests = store.requests().all();
        for (LoggedRequest r : requests) {
            COUNTS.computeIfAbsent(storeViewOf(r), v -> new LinkedHashMap<>()).merge(endpointOf(r), 1, Integer::sum);
        }
    }

    @Test
    void aFirstSyncAsksEachLookUpAtMostOncePerPageAndMetadataOncePerStoreView() {
        int pages = expectedPages();
        int attributePages = (store.catalog().attributes().size() + 299) / 300;
        int allPages = 0;
        for (String view : VIEWS) {
            Map<String, Integer> counts = COUNTS.getOrDefault(view, Map.of());
            String seen = view + ": " + counts;
            assertEquals(pages, count(view, "page"), "every page once, none past the last: " + seen);
            allPages += pages;
            assertTrue(count(view, "salable quantities") <= pages, "at most one salable-quantity look-up per page: " + seen);
            assertTrue(count(view, "render-info") <= pages, "at most one render-info per page: " + seen);
            assertTrue(count(view, "children") <= 2 * pages, "at most two children requests per page: " + seen);
            assertEquals(1, count(view, "store configs"), "store configs once per store view: " + seen);
            assertEquals(1, count(view, "websites"), "websites once per store view: " + seen);
            assertTrue(count(view, "stock resolver") <= 1, "the stock resolver once per store view: " + seen);
            assertEquals(1, count(view, "categories"), "the category tree once per store view: " + seen);
            assertTrue(count(view, "attributes") <= attributePages, "attribute metadata once per store view: " + seen);
            assertEquals(0, count(view, "other"), "nothing else: " + seen);
            assertTrue(count(view, "configurables index") <= (view.equals(VIEWS.get(0)) ? indexPages() : 0),
                    "the configurables' links listed once per store, not per store view: " + seen);
            int perPage = count(view, "page") + count(view, "salable quantities") + count(view, "render-info") + count(view, "children");
            assertTrue(perPage <= 4 * pages + pagesWithChildrenPastAPage(), "per page, source items aside: " + seen);
        }
        // Source items are the same in every store view: asked with the first one's client, one look-up per page.
        int stock = 0;
        for (String view : VIEWS) {
            stock += count(view, "source items");
        }
        assertEquals(allPages, stock, "one source-item look-up per page and store view, none asked twice: " + COUNTS);
    }

    @Test
    void keysetReadersHandTheirPagesLookUpsOnAndEachIsAskedOnce() {
        try (InProcessConnector keyset = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(400).storeCodes(List.of("default"))
                        .storefront(StorefrontOptions.full()).build())
                .stream("products")
                .storeCodes("default")
                .pageSize(PAGE_SIZE)
                .option("paging", "keyset")
                .option("maxConcurrency", 4)
                .start()) {
            keyset.log().await(Pattern.compile("magento:products synced \\d+ items"), WAIT);
            List<LoggedRequest> all = keyset.store().requests().all();
            long pages = all.stream().filter(r -> "page".equals(endpointOf(r)) && String.valueOf(PAGE_SIZE).equals(r.query().get("searchCriteria[pageSize]"))).count();
            long stock = all.stream().filter(r -> "source items".equals(endpointOf(r))).count();
            int full = (keyset.store().catalog().productCount() + PAGE_SIZE - 1) / PAGE_SIZE;
            assertTrue(stock >= full && stock <= pages, "one stock look-up per page with items, none asked twice: " + stock + " for " + pages + " pages");
            for (String lookUp : List.of("salable quantities", "render-info")) {
                long n = all.stream().filter(r -> lookUp.equals(endpointOf(r))).count();
                assertTrue(n <= pages, lookUp + " at most once per page: " + n + " for " + pages + " pages");
            }
        }
    }

    /** The storefront-ready shape: fails until salable quantities, children and render-info are asked for. */
    @Test
    void everyPageOfEveryStoreViewGetsItsSalableQuantitiesChildrenAndRenderInfo() {
        int pages = expectedPages();
        int withChildren = pagesWithChildrenOffThePage();
        for (String view : VIEWS) {
            String seen = view + ": " + COUNTS.getOrDefault(view, Map.of());
            assertEquals(pages, count(view, "salable quantities"), "one salable-quantity look-up per page: " + seen);
            assertEquals(pages, count(view, "render-info"), "one render-info per page: " + seen);
            int children = count(view, "children");
            assertTrue(children >= withChildren && children <= withChildren + pagesWithChildrenPastAPage(),
                    "one children request per page whose configurables' children are elsewhere (" + withChildren + "): " + seen);
            // Source items are asked with the first store view's client for every view's pages: one per page each.
            int total = COUNTS.get(view).values().stream().mapToInt(Integer::intValue).sum() - count(view, "source items") + pages;
            assertTrue(total <= 5 * pages + pagesWithChildrenPastAPage() + 5 + attributePages() + indexPages(),
                    "at most 5 requests per page plus the metadata: " + seen);
        }
    }

    /** The configurables' listing that builds the child -> parents index: once per store, in scan pages of 300. */
    private static int indexPages() {
        long configurables = store.catalog().products().stream().filter(p -> "configurable".equals(p.path("type_id").asText())).count();
        return (int) (configurables / 300 + 1);
    }

    private static int attributePages() {
        return (store.catalog().attributes().size() + 299) / 300;
    }

    private static int count(String view, String endpoint) {
        return COUNTS.getOrDefault(view, Map.of()).getOrDefault(endpoint, 0);
    }

    private static int expectedPages() {
        return (store.catalog().productCount() + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    /** The catalog's pages as the sync reads them (by entity id), each as its rows. */
    private static List<List<ObjectNode>> pagesOfTheCatalog() {
        List<ObjectNode> byId = new ArrayList<>(store.catalog().products());
        byId.sort(Comparator.comparingInt(p -> p.get("id").asInt()));
        List<List<ObjectNode>> pages = new ArrayList<>();
        for (int from = 0; from < byId.size(); from += PAGE_SIZE) {
            pages.add(byId.subList(from, Math.min(byId.size(), from + PAGE_SIZE)));
        }
        return pages;
    }

    /** Pages with a configurable whose children are not all on the page itself: they need a children request. */
    private static int pagesWithChildrenOffThePage() {
        return pagesMatching(children -> !children.isEmpty());
    }

    /** Pages whose off-page children exceed a page: one more children request each. */
    private static int pagesWithChildrenPastAPage() {
        return pagesMatching(children -> children.size() > PAGE_SIZE);
    }

    private static int pagesMatching(Predicate<Set<Integer>> offPageChildren) {
        int matching = 0;
        for (List<ObjectNode> page : pagesOfTheCatalog()) {
            Set<Integer> onPage = new HashSet<>();
            page.forEach(p -> onPage.add(p.get("id").asInt()));
            Set<Integer> elsewhere = new HashSet<>();
            for (ObjectNode p : page) {
                for (JsonNode id : p.path("extension_attributes").path("configurable_product_links")) {
                    if (!onPage.contains(id.asInt())) {
                        elsewhere.add(id.asInt());
                    }
                }
            }
            if (offPageChildren.test(elsewhere)) {
                matching++;
            }
        }
        return matching;
    }

    /** The store view a request was for: its salable quantities by website, everything else by its path. */
    private static String storeViewOf(LoggedRequest r) {
        if (r.path().contains("/export-stock-salable-qty/website/") || r.path().contains("/stock-resolver/website/")) {
            return r.path().endsWith("/europe") ? "eu" : "default";
        }
        String[] parts = r.path().split("/");
        return parts.length > 2 && parts[1].equals("rest") && !parts[2].equals("V1") ? parts[2] : "default";
    }

    private static String endpointOf(LoggedRequest r) {
        String p = r.path();
        if (p.endsWith("/V1/products")) {
            // The child -> parents index is listed once per store at the start (configurables only), not per page.
            return r.filters("entity_id", "in") ? "children" : r.filters("type_id", "eq") ? "configurables index" : "page";
        }
        if (p.endsWith("/V1/inventory/source-items")) {
            return "source items";
        }
        if (p.contains("/V1/inventory/export-stock-salable-qty/")) {
            return "salable quantities";
        }
        if (p.endsWith("/V1/products-render-info")) {
            return "render-info";
        }
        if (p.endsWith("/V1/store/storeConfigs")) {
            return "store configs";
        }
        if (p.endsWith("/V1/store/websites")) {
            return "websites";
        }
        if (p.contains("/V1/inventory/stock-resolver/")) {
            return "stock resolver";
        }
        if (p.endsWith("/V1/products/attributes")) {
            return "attributes";
        }
        if (p.endsWith("/V1/categories")) {
            return "categories";
        }
        return "other";
    }
}
