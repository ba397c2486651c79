package org.magentokafka.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.magentokafka.auth.AuthMode;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.CategoryPaths;
import org.magentokafka.paging.Page;
import org.magentokafka.storefront.ParentIndex;
import org.magentokafka.storefront.StorefrontPage;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.ValueFilters;
import org.magentokafka.net.PercentEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.stream.MagentoConstants;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.Unavailable;
import org.magentokafka.enrich.UnknownParts;

/**
 * Look-ups for enrichment, batched per page so a sync costs about one extra request per page, not per product:
 * <ul>
 * <li>{@code magento:source-items}: the source items of every SKU in the body (a list of products), one
 * {@code sku in (...)} request per page;</li>
 * <li>{@code magento:product-attributes}: the store view's attribute metadata as an {@link AttributeCatalog},
 * cached;</li>
 * <li>{@code magento:categories}: the store view's category tree as {@link CategoryPaths}, cached;</li>
 * <li>{@code magento:products}: the storefront look-ups of the page in the body, as a {@link StorefrontPage};</li>
 * <li>any stream with header {@value MagentoConstants#KEY}: that one item (SKUs are percent-encoded in the
 * path, so {@code /}, spaces, {@code +}, {@code &} and non-ASCII work).</li>
 * </ul>
 * The store view is the exchange's {@value MagentoConstants#STORE_CODE} header when the endpoint reads it.
 */
public class MagentoProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(MagentoProducer.class);
    /** Inconsistent look-up answers already reported, per stream: once per process is enough. */
    private static final InconsistentListReports INCONSISTENCIES = new InconsistentListReports();

    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };


    private volatile boolean guestLookUpLogged;

    public MagentoProducer(MagentoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MagentoEndpoint getEndpoint() {
        return (MagentoEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MagentoEndpoint endpoint = getEndpoint();
        MagentoStream stream = endpoint.stream();
        String store = exchange.getMessage().getHeader(MagentoConstants.STORE_CODE, String.class);
        if (store == null || !endpoint.storeCodes().contains(store)) {
            store = endpoint.storeCodes().get(0);
        }
        MagentoClient client = endpoint.client(store);
        String key = exchange.getMessage().getHeader(MagentoConstants.KEY, String.class);
        Object result;
        if (key != null && !key.isBlank()) {
            String resource = (stream == MagentoStream.CATEGORIES ? "/V1/categories" : stream.resource()) + "/"
                              + PercentEncoding.encode(key);
            result = endpoint.mapper().convertValue(client.getJson(resource, null), ITEM);
        } else if ((stream == MagentoStream.SOURCE_ITEMS || stream == MagentoStream.PRODUCT_ATTRIBUTES)
                   && guest(endpoint.getConfiguration())) {
            result = withoutGuestLookUp(stream);
        } else {
            result = switch (stream) {
                case SOURCE_ITEMS -> inventory(client, store, skusOf(exchange));
                case PRODUCT_ATTRIBUTES -> observed(store, EventPart.LABELS, attributes(endpoint, client));
                case CATEGORIES -> observed(store, EventPart.CATEGORIES, categories(endpoint, client));
                case PRODUCTS -> observed(store, storefront(client, exchange));
                default -> throw new IllegalArgumentException("magento:" + stream.uriName()
                                                              + " look-up needs the header " + MagentoConstants.KEY
                                                              + " with the item's key");
            };
        }
        exchange.getMessage().setHeader(MagentoConstants.LOOKUP, stream.uriName());
        exchange.getMessage().setBody(result);
    }

    /**
     * magento.auth.mode=none: Magento never serves source items or the attribute list to guests (neither is in
     * Magento_WebapiSecurity's list of routes <i>Allow Anonymous Guest Access</i> opens), so these look-ups are
     * not sent; the products route still runs, with the inventory unknown and without option labels, said once.
     */
    private Object withoutGuestLookUp(MagentoStream stream) {
        if (!guestLookUpLogged) {
            guestLookUpLogged = true;
            LOG.warn("magento:{} is never served to guests (Magento requires {}): with magento.auth.mode=none product"
                     + " events carry {}; use an integration (magento.auth.mode=oauth1) for them", stream.uriName(),
                    stream.aclResource(), stream == MagentoStream.SOURCE_ITEMS ? "inventory null (unknown)" : "no option labels");
        }
        return stream == MagentoStream.SOURCE_ITEMS ? UnknownParts.of(EventPart.INVENTORY, Unavailable.NOT_FOR_GUESTS)
                : AttributeCatalog.unknown(Unavailable.NOT_FOR_GUESTS);
    }

    /**
     * {@code magento:products} without a key, on a page of products: the page's storefront look-ups in its store
     * view (children, salable quantities, render-info; the store view's website, stock and URLs cached with the
     * metadata), taken from the page fetchers when they already started it ({@code prefetchStorefront}).
     */
    @SuppressWarnings("unchecked")
    private StorefrontPage storefront(MagentoClient client, Exchange exchange) throws Exception {
        List<Map<String, Object>> products = exchange.getMessage().getBody(List.class);
        List<Map<String, Object>> page = products == null ? List.of() : products;
        var prefetched = getEndpoint().store().storefrontPrefetch().take(StorefrontLookups.key(client, skusOf(page)));
        StorefrontPage looked = prefetched != null ? answerOf(prefetched) : StorefrontLookups.of(getEndpoint(), client, page, Runnable::run);
        // At the route, in page order, not on the fetchers: the index must have seen every earlier page's links.
        getEndpoint().store().storefrontAsked(client.address().storeCode());
        // Listed before the first page's look-up: the stream resumes from its watermark and does not re-read parents.
        ParentIndex parents = getEndpoint().store().listedParents(index -> ParentLinksListing.rebuild(client,
                getEndpoint().getConfiguration().getScanPageSize(), index));
        return withParents(looked, page, parents);
    }

    /** The page's configurables keep the child → parents index current; its children get their parents' SKUs. */
    static StorefrontPage withParents(StorefrontPage page, List<Map<String, Object>> rows, ParentIndex index) {
        index.update(rows);
        Map<String, List<String>> parents = new HashMap<>();
        for (Map<String, Object> row : rows) {
            if (row.get("id") instanceof Number id && row.get("sku") != null) {
                List<String> skus = index.parentsOf(id.longValue());
                if (!skus.isEmpty()) {
                    parents.put(row.get("sku").toString(), skus);
                }
            }
        }
        return new StorefrontPage(page.scope(), page.children(), page.salable(), page.renderInfo(), parents, page.unknown());
    }

    static boolean guest(MagentoConfiguration conf) {
        return conf.getAuthMode() == AuthMode.NONE;
    }

    private Duration metadataRefresh() {
        return getEndpoint().getConfiguration().getMetadataRefresh();
    }

    static String cacheKey(MagentoClient client) {
        return client.address().baseUrl() + "|" + client.address().storeCode();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> skusOf(Exchange exchange) {
        return skusOf(exchange.getMessage().getBody());
    }

    static Set<String> skusOf(Object body) {
        Set<String> skus = new LinkedHashSet<>();
        if (body instanceof List<?> items) {
            for (Object o : items) {
                if (o instanceof Map<?, ?> item && item.get("sku") != null) {
                    skus.add(item.get("sku").toString());
                }
            }
        }
        return skus;
    }

    /**
     * The page's source items; {@link UnknownParts} (inventory unknown, with why) when the integration lacks the
     * sources grant or the store has no inventory modules: the products are published without per-source stock.
     */
    private Object inventory(MagentoClient client, String store, Set<String> skus) throws Exception {
        var prefetched = getEndpoint().store().inventoryPrefetch().take(Set.copyOf(skus));
        Object answer;
        try {
            answer = prefetched != null ? answerOf(prefetched) : sourceItemsOf(client, skus);
        } catch (MagentoException e) {
            answer = UnknownParts.of(EventPart.INVENTORY, Unavailable.orThrow(e, MagentoStream.SOURCE_ITEMS.aclResource(),
                    MagentoStream.SOURCE_ITEMS.resource()));
        }
        observe(store, Set.of(EventPart.INVENTORY), answer instanceof UnknownParts unknown ? unknown : UnknownParts.NONE);
        return answer;
    }

    /** The store view's attribute metadata (cached); without labels, and saying why, when the store refuses it. */
    static AttributeCatalog attributes(MagentoEndpoint endpoint, MagentoClient client) {
        MagentoStream stream = MagentoStream.PRODUCT_ATTRIBUTES;
        return endpoint.store().metadata().get(stream.uriName(), cacheKey(client), endpoint.getConfiguration().getMetadataRefresh(),
                () -> {
                    try {
                        return AttributeCatalog.of(allPages(client, stream, List.of()));
                    } catch (MagentoException e) {
                        return AttributeCatalog.unknown(Unavailable.orThrow(e, stream.aclResource(), stream.resource()));
                    }
                });
    }

    /** The store view's category tree (cached); without paths, and saying why, when the store refuses it. */
    static CategoryPaths categories(MagentoEndpoint endpoint, MagentoClient client) {
        String tree = "/V1/categories";
        return endpoint.store().metadata().get(MagentoStream.CATEGORIES.uriName(), cacheKey(client),
                endpoint.getConfiguration().getMetadataRefresh(), () -> {
                    try {
                        return CategoryPaths.of(endpoint.mapper().convertValue(client.getJson(tree, null), ITEM));
                    } catch (MagentoException e) {
                        return CategoryPaths.unknown(Unavailable.orThrow(e, MagentoStream.CATEGORIES.aclResource(), tree));
                    }
                });
    }

    private AttributeCatalog observed(String store, EventPart part, AttributeCatalog attributes) {
        observe(store, Set.of(part), attributes.unknownParts());
        return attributes;
    }

    private CategoryPaths observed(String store, EventPart part, CategoryPaths categories) {
        observe(store, Set.of(part), categories.unknownParts());
        return categories;
    }

    private StorefrontPage observed(String store, StorefrontPage page) {
        observe(store, EventPart.STOREFRONT, page.unknown());
        return page;
    }

    private void observe(String store, Set<EventPart> parts, UnknownParts unknown) {
        OptionalParts.observe(getEndpoint(), store, parts, unknown);
    }

    /** A prefetched look-up's answer, or its own failure (not wrapped). */
    private static <T> T answerOf(Future<T> prefetched) throws Exception {
        try {
            return prefetched.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The source items of these SKUs: one {@code sku in (...)} request (more only past 300 items). */
    static List<Map<String, Object>> sourceItemsOf(MagentoClient client, Set<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (SearchCriteria.Filter filter : ValueFilters.of("sku", skus, Integer.MAX_VALUE)) {
            items.addAll(allPages(client, MagentoStream.SOURCE_ITEMS, List.of(filter)));
        }
        return items;
    }

    private static List<Map<String, Object>> allPages(MagentoClient client, MagentoStream stream, List<SearchCriteria.Filter> filters) {
        SearchCriteria criteria = SearchCriteria.paged(MagentoConfiguration.MAX_PAGE_SIZE);
        for (SearchCriteria.Filter f : filters) {
            criteria = criteria.withFilterGroup(f);
        }
        for (String field : stream.sortFields()) {
            criteria = criteria.sortedBy(field, "ASC");
        }
        // Never past what the answers show (see PageBounds): an inconsistent list gives the items it showed.
        PageBounds bounds = new PageBounds(criteria.pageSize(), 1);
        List<Map<String, Object>> items = new ArrayList<>();
        int number = 1;
        do {
            Page page = client.fetchPage(stream.resource(), criteria.withPage(number++));
            List<String> keys = new ArrayList<>(page.items().size());
            page.items().forEach(item -> keys.add(stream.keyOf(item)));
            bounds.accept(page.totalCount(), keys);
            if (!bounds.repeated()) {
                items.addAll(page.items());
            }
        } while (bounds.hasMore());
        if (!bounds.consistent() && INCONSISTENCIES.firstTime(stream.uriName(), bounds.problem())) {
            LOG.warn("magento:{} look-up GET {} answered an inconsistent list: {}. Using the {} items it showed;"
                     + " reported once", stream.uriName(), client.address().path(stream.resource()), bounds.problem().detail(),
                    items.size());
        }
        return items;
    }
}
