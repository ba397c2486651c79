package org.magentokafka.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.CategoryPaths;
import org.magentokafka.net.PercentEncoding;
import org.magentokafka.paging.InconsistentListReports;
import org.magentokafka.paging.PageBounds;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.WholeList;
import org.magentokafka.storefront.StorefrontPage;
import org.magentokafka.stream.MagentoConstants;
import org.magentokafka.stream.MagentoStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Look-ups by key or by page, for routes that ask for them (the products route does not: its pages arrive with their
 * look-ups, see {@code PageLookups}); batched per page so a page costs about one extra request, not one per product.
 * The endpoint creates the producer of its stream's look-up, each asking what {@link ProductPageLookups} asks for a
 * page the consumer hands over:
 * <ul>
 * <li>{@code magento:source-items}: the source items of every SKU in the body (a list of products), one
 * {@code sku in (...)} request per page ({@link SourceItemsProducer});</li>
 * <li>{@code magento:product-attributes}: the store view's attribute metadata as an {@link AttributeCatalog},
 * cached ({@link AttributesProducer});</li>
 * <li>{@code magento:categories}: the store view's category tree as {@link CategoryPaths}, cached
 * ({@link CategoriesProducer});</li>
 * <li>{@code magento:products}: the storefront look-ups of the page in the body, as a {@link StorefrontPage}
 * ({@link StorefrontProducer});</li>
 * <li>any stream with header {@value MagentoConstants#KEY}: that one item (SKUs are percent-encoded in the
 * path, so {@code /}, spaces, {@code +}, {@code &} and non-ASCII work); a stream without a look-up of its own
 * ({@link ItemProducer}) needs it.</li>
 * </ul>
 * The store view is the exchange's {@value MagentoConstants#STORE_CODE} header when the endpoint reads it.
 */
public abstract class LookupProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(LookupProducer.class);
    /** Inconsistent look-up answers already reported, per stream: once per process is enough. */
    private static final InconsistentListReports INCONSISTENCIES = new InconsistentListReports();

    static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };

    private final LookupContext context;

    protected <E extends Endpoint & LookupContext> LookupProducer(E endpoint) {
        super(endpoint);
        this.context = endpoint;
    }

    /** The endpoint, as far as the look-ups use it. */
    protected final LookupContext context() {
        return context;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MagentoStream stream = context.stream();
        String store = exchange.getMessage().getHeader(MagentoConstants.STORE_CODE, String.class);
        if (store == null || !context.storeCodes().contains(store)) {
            store = context.storeCodes().get(0);
        }
        MagentoClient client = context.client(store);
        String key = exchange.getMessage().getHeader(MagentoConstants.KEY, String.class);
        Object result;
        if (key != null && !key.isBlank()) {
            String resource = (stream == MagentoStream.CATEGORIES ? "/V1/categories" : stream.resource()) + "/"
                              + PercentEncoding.encode(key);
            result = context.mapper().convertValue(client.getJson(resource, null), ITEM);
        } else {
            result = lookUp(exchange, store, client);
        }
        exchange.getMessage().setHeader(MagentoConstants.LOOKUP, stream.uriName());
        exchange.getMessage().setBody(result);
    }

    /** The stream's own look-up, for the page in the body (the exchange has no key header). */
    protected abstract Object lookUp(Exchange exchange, String store, MagentoClient client) throws Exception;

    /** Every item of a look-up's list, as far as the answers bear out (see {@link PageBounds}). */
    static List<Map<String, Object>> allPages(MagentoClient client, MagentoStream stream, List<SearchCriteria.Filter> filters) {
        SearchCriteria paged = SearchCriteria.paged(SearchCriteria.MAX_PAGE_SIZE);
        for (SearchCriteria.Filter f : filters) {
            paged = paged.withFilterGroup(f);
        }
        for (String field : stream.sortFields()) {
            paged = paged.sortedBy(field, "ASC");
        }
        SearchCriteria criteria = paged;
        // Never past what the answers show (see PageBounds): an inconsistent list gives the items it showed.
        List<Map<String, Object>> items = new ArrayList<>();
        PageBounds bounds = WholeList.read(criteria.pageSize(), number -> client.fetchPage(stream.resource(),
                criteria.withPage(number)), page -> {
                    List<String> keys = new ArrayList<>(page.items().size());
                    page.items().forEach(item -> keys.add(stream.keyOf(item)));
                    return keys;
                }, page -> items.addAll(page.items()));
        if (!bounds.consistent() && INCONSISTENCIES.firstTime(stream.uriName(), bounds.problem())) {
            LOG.warn("magento:{} look-up GET {} answered an inconsistent list: {}. Using the {} items it showed;"
                     + " reported once", stream.uriName(), client.address().path(stream.resource()), bounds.problem().detail(),
                    items.size());
        }
        return items;
    }
}
