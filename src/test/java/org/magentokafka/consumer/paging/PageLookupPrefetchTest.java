package org.magentokafka.consumer.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.magentokafka.client.MagentoClient;
import org.magentokafka.component.MagentoEndpoint;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.producer.SourceItemsProducer;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.storefront.StorefrontLookups;
import org.magentokafka.storefront.StorefrontPage;
import org.magentokafka.stream.MagentoConstants;

/**
 * A products page's look-ups start on the fetcher that brought it, and the route's enrichers take them instead of
 * asking the store again: what keeps a full sync at the store's concurrency with five requests per page.
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
    void theRouteTakesThePageLookUpsTheFetcherStartedInsteadOfAskingAgain() throws Exception {
        PagingContext consumer = endpoint("magento:products?prefetchInventory=true&prefetchStorefront=true");
        PageLookupPrefetch prefetch = new PageLookupPrefetch(consumer, task -> {
            besideTasks.incrementAndGet();
            pool.execute(task);
        });
        MagentoClient eu = consumer.client("eu");
        Page page = prefetch.fetchWithLookups(eu, SearchCriteria.paged(20).sortedBy("entity_id", "ASC").withPage(1));
        assertEquals(20, page.items().size());
        assertEquals(2, besideTasks.get(), "the stock beside the storefront look-ups, the salable quantities beside render-info");
        int asked = store.requests().size();

        Object stock = lookUp("magento:source-items", page.items(), "eu");
        Object storefront = lookUp("magento:products", page.items(), "eu");

        // The route's first storefront look-up lists the configurables for the child -> parents index: not a page's.
        List<LoggedRequest> after = store.requests().all().subList(asked, store.requests().size()).stream()
                .filter(r -> !r.filters("type_id", "eq")).toList();
        assertEquals(List.of(), after, "nothing asked again");
        assertInstanceOf(List.class, stock);
        assertTrue(!((List<?>) stock).isEmpty(), "the page's source items");
        StorefrontPage taken = assertInstanceOf(StorefrontPage.class, storefront);
        assertEquals("eu", taken.scope().storeCode());
        assertEquals("europe", taken.scope().websiteCode(), "the page's own store view's website");
        assertNull(consumer.store().storefrontPrefetch().take(StorefrontLookups.key(eu, SourceItemsProducer.skusOf(page.items()))),
                "the route took it");

        // Taken once: the same page again is asked for again (so the 'nothing asked' above can fail).
        int before = store.requests().size();
        lookUp("magento:source-items", page.items(), "eu");
        assertEquals(before + 1, store.requests().size());
    }

    @Test
    void aStorefrontLookUpBelongsToItsStoreView() throws Exception {
        PagingContext consumer = endpoint("magento:products?prefetchStorefront=true");
        PageLookupPrefetch prefetch = new PageLookupPrefetch(consumer, pool);
        Page page = prefetch.fetchWithLookups(consumer.client("default"), SearchCriteria.paged(10).sortedBy("entity_id", "ASC").withPage(1));
        var skus = SourceItemsProducer.skusOf(page.items());
        assertNull(consumer.store().storefrontPrefetch().take(StorefrontLookups.key(consumer.client("eu"), skus)),
                "the same SKUs in another store view are another look-up");
        var answer = consumer.store().storefrontPrefetch().take(StorefrontLookups.key(consumer.client("default"), skus));
        assertNotNull(answer, "registered for its own store view");
        assertEquals("base", answer.get().scope().websiteCode());
    }

    @Test
    void withoutTheOptionsNothingIsPrefetched() {
        PagingContext consumer = endpoint("magento:products");
        PageLookupPrefetch prefetch = new PageLookupPrefetch(consumer, pool);
        Page page = consumer.client("default").fetchPage("/V1/products", SearchCriteria.paged(10).sortedBy("entity_id", "ASC").withPage(1));
        assertNull(prefetch.lookupsFor(consumer.client("default"), page), "a route that does not enrich gets no look-ups");
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
