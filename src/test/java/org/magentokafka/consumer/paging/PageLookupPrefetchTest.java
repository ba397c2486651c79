package org.magentokafka.consumer.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;
import org.junit.jupiter.api.io.TempDir;
import org.magentokafka.component.MagentoEndpoint;
import org.magentokafka.enrich.PageLookups;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.storefront.StorefrontPage;
import org.magentokafka.stream.MagentoConstants;

/**
 * A products page arrives with its look-ups, those the options prefetch started on the fetcher that brought it, and
 * the route's enrichers await them instead of asking the store again: what keeps a full sync at the store's
 * concurrency with five requests per page. Look-ups not prefetched are asked when awaited, the same requests.
 */
class PageLookupPrefetchTest {

    private SandboxStore store;
    private CamelContext camel;
    private ExecutorService pool;
    private final AtomicInteger besideTasks = new AtomicInteger();

    @BeforeEach
    void start(@TempDir Path state) throws Exception {
        store = SandboxStore.start(SandboxOptions.builder().productCount(60).storeCodes(List.of("default"))
                .storefront(StorefrontOptions.full()).build());
        camel = new DefaultCamelContext();
        PropertyBindingSupport.build().bind(camel, camel.getComponent("magento"), new HashMap<>(Map.<String, Object>of(
                "baseUrl", store.baseUrl(), "accessToken", store.options().accessToken(), "storeCodes", "default,eu",
                "stateDirectory", state.toString())));
        camel.start();
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        camel.close();
        store.close();
    }

    @Test
    void theRouteAwaitsThePageLookUpsTheFetcherStartedInsteadOfAskingAgain() throws Exception {
        PagingContext consumer = endpoint("magento:products?prefetchInventory=true&prefetchStorefront=true");
        PageLookupPrefetch prefetch = new PageLookupPrefetch(consumer, task -> {
            besideTasks.incrementAndGet();
            pool.execute(task);
        });
        FetchedPage fetched = prefetch.fetchWithLookups(sync(consumer, "eu"), SearchCriteria.paged(20).sortedBy("entity_id", "ASC").withPage(1));
        Page page = fetched.page();
        assertEquals(20, page.items().size());
        assertEquals(2, besideTasks.get(), "the stock beside the storefront look-ups, the salable quantities beside render-info");
        PageLookups lookups = fetched.lookups();
        assertTrue(lookups.stock().started() && lookups.storefront().started(), "started on the fetcher");
        assertNull(lookups.storefront().taken(), "taken by the route only");
        int asked = store.requests().size();

        Object stock = lookups.stock().await();
        Object storefront = lookups.storefront().await();

        // The route's first storefront look-up lists the configurables for the child -> parents index: not a page's.
        List<LoggedRequest> after = store.requests().all().subList(asked, store.requests().size()).stream()
                .filter(r -> !r.filters("type_id", "eq")).toList();
        assertEquals(List.of(), after, "nothing asked again");
        assertInstanceOf(List.class, stock);
        assertTrue(!((List<?>) stock).isEmpty(), "the page's source items");
        StorefrontPage taken = assertInstanceOf(StorefrontPage.class, storefront);
        assertEquals("eu", taken.scope().storeCode());
        assertEquals("europe", taken.scope().websiteCode(), "the page's own store view's website");
        assertSame(taken, lookups.storefront().taken(), "what the route took, for the page's commit");

        // The magento: look-up asks the store itself (so the 'nothing asked' above can fail).
        int before = store.requests().size();
        lookUp("magento:source-items", page.items(), "eu");
        assertEquals(before + 1, store.requests().size());
    }

    @Test
    void aPagesStorefrontLookUpsAreInItsStoreView() throws Exception {
        PagingContext consumer = endpoint("magento:products?prefetchStorefront=true");
        PageLookupPrefetch prefetch = new PageLookupPrefetch(consumer, pool);
        SearchCriteria criteria = SearchCriteria.paged(10).sortedBy("entity_id", "ASC").withPage(1);
        PageLookups base = prefetch.fetchWithLookups(sync(consumer, "default"), criteria).lookups();
        PageLookups europe = prefetch.fetchWithLookups(sync(consumer, "eu"), criteria).lookups();
        assertEquals("base", ((StorefrontPage) base.storefront().await()).scope().websiteCode());
        assertEquals("europe", ((StorefrontPage) europe.storefront().await()).scope().websiteCode(),
                "the same SKUs in another store view are another look-up");
        assertTrue(!base.stock().started(), "the stock is not prefetched without prefetchInventory");
    }

    @Test
    void withoutTheOptionsTheLookUpsAreAskedWhenAwaited() throws Exception {
        PagingContext consumer = endpoint("magento:products");
        PageLookupPrefetch prefetch = new PageLookupPrefetch(consumer, pool);
        StoreSync sync = sync(consumer, "default");
        Page page = consumer.client("default").fetchPage("/V1/products", SearchCriteria.paged(10).sortedBy("entity_id", "ASC").withPage(1));
        int asked = store.requests().size();
        FetchedPage fetched = prefetch.arrived(sync, page);
        assertNull(prefetch.prefetch(fetched), "nothing to start on a fetcher");
        assertNotNull(fetched.lookups(), "a products page always carries its look-ups");
        assertEquals(asked, store.requests().size(), "a route that does not enrich asks for nothing");
        assertInstanceOf(List.class, fetched.lookups().stock().await());
        assertEquals(asked + 1, store.requests().size(), "the stock asked when awaited: one request");
    }

    private static StoreSync sync(PagingContext consumer, String storeCode) {
        return new StoreSync(storeCode, consumer.client(storeCode), null, false);
    }

    private MagentoEndpoint endpoint(String uri) {
        MagentoEndpoint endpoint = camel.getEndpoint(uri, MagentoEndpoint.class);
        ServiceHelper.startService(endpoint);
        return endpoint;
    }

    private Object lookUp(String uri, List<Map<String, Object>> page, String storeCode) throws Exception {
        Producer producer = endpoint(uri).createProducer();
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(page);
        exchange.getMessage().setHeader(MagentoConstants.STORE_CODE, storeCode);
        producer.process(exchange);
        return exchange.getMessage().getBody();
    }
}
