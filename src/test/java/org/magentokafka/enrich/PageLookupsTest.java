package org.magentokafka.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultProducer;
import org.junit.jupiter.api.Test;
import org.magentokafka.client.MagentoException;
import org.magentokafka.stream.MagentoConstants;

/**
 * A page's look-ups: awaited by the route, answered once, started when the page arrived or else at the first await,
 * a failure the page's own, an optional part the store refuses carried as {@link UnknownParts}.
 */
class PageLookupsTest {

    @Test
    void aLookUpStartedWhenThePageArrivedIsAwaitedNotAskedAgain() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        PageLookup<Object> stock = PageLookup.of(() -> {
            asked.incrementAndGet();
            return List.of(Map.of("sku", "A", "quantity", 1));
        });
        CompletableFuture.runAsync(stock::start).join(); // on a page fetcher
        assertTrue(stock.started());
        assertEquals(List.of(Map.of("sku", "A", "quantity", 1)), stock.await());
        assertSame(stock.await(), stock.await(), "answered once");
        assertEquals(1, asked.get());
    }

    @Test
    void aLookUpNotPrefetchedIsAskedAtTheFirstAwaitOnly() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        PageLookup<String> categories = PageLookup.of(() -> "tree #" + asked.incrementAndGet());
        assertFalse(categories.started(), "nothing asked while nobody awaits it");
        assertNull(categories.taken(), "nor does looking at what the route took ask");
        assertEquals(0, asked.get());
        assertEquals("tree #1", categories.await());
        assertEquals("tree #1", categories.await());
        categories.start(); // a fetcher starting it late asks nothing more
        assertEquals(1, asked.get());
    }

    @Test
    void theRouteWaitsForALookUpStillRunningOnAFetcher() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        PageLookup<String> storefront = PageLookup.of(() -> {
            asked.incrementAndGet();
            running.countDown();
            answer.await(5, TimeUnit.SECONDS);
            return "page";
        });
        CompletableFuture<Void> fetcher = CompletableFuture.runAsync(storefront::start);
        assertTrue(running.await(5, TimeUnit.SECONDS));
        CompletableFuture<String> route = CompletableFuture.supplyAsync(() -> {
            try {
                return storefront.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        answer.countDown();
        assertEquals("page", route.get(5, TimeUnit.SECONDS));
        fetcher.join();
        assertEquals(1, asked.get());
    }

    @Test
    void aFailedLookUpIsThePagesFailureUnwrapped() {
        MagentoException blip = new MagentoException("/V1/products-render-info", 503, true, "answered 503");
        PageLookup<Object> storefront = PageLookup.of(() -> {
            throw blip;
        });
        storefront.start(); // on a fetcher: never throws there
        assertSame(blip, assertThrows(MagentoException.class, storefront::await));
        assertSame(blip, assertThrows(MagentoException.class, storefront::await), "every await, not only the first");
    }

    @Test
    void theAnswerIsTakenOnceOnTheThreadThatAwaitsIt() throws Exception {
        List<String> takenOn = new ArrayList<>();
        PageLookup<String> storefront = PageLookup.of(() -> "looked up", answer -> {
            takenOn.add(Thread.currentThread().getName());
            return answer + ", with parents";
        });
        CompletableFuture.runAsync(storefront::start).join();
        assertTrue(takenOn.isEmpty(), "not on the fetcher");
        assertEquals("looked up, with parents", storefront.await());
        assertEquals("looked up, with parents", storefront.await());
        assertEquals(List.of(Thread.currentThread().getName()), takenOn);
        assertEquals("looked up, with parents", storefront.taken());
    }

    @Test
    void aRefusedOptionalLookUpIsCarriedAsUnknownParts() throws Exception {
        UnknownParts refused = UnknownParts.of(EventPart.INVENTORY, Unavailable.notGranted("Magento_InventoryApi::source"));
        PageLookups lookups = new PageLookups(PageLookup.of(() -> refused), PageLookup.of(() -> AttributeCatalog.of(List.of())),
                PageLookup.of(() -> CategoryPaths.of(Map.of("id", 1, "children_data", List.of()))), PageLookup.of(() -> null));
        Exchange page = new DefaultExchange(new DefaultCamelContext());
        page.getMessage().setHeader(MagentoConstants.STORE_CODE, "default");
        page.getMessage().setBody(List.of(Map.of("id", 1, "sku", "A-1", "type_id", "simple", "attribute_set_id", 4)));
        page.setProperty(MagentoConstants.PAGE_LOOKUPS, lookups);
        assertSame(lookups, PageLookups.on(page));
        assertSame(refused, lookups.stock().await());

        new ProductEnricher().process(page);

        Map<?, ?> event = (Map<?, ?>) page.getMessage().getBody(List.class).get(0);
        assertTrue(event.containsKey("inventory") && event.get("inventory") == null, "unknown, not zero: " + event);
        assertEquals(Map.of("inventory", "not granted: Magento_InventoryApi::source"), event.get("unknown"));
    }

    @Test
    void aPageWithoutLookUpsHasThemAskedOfTheMagentoLookUpsOnceEach() throws Exception {
        List<String> asked = new ArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("magento", new AnsweringComponent(asked));
            camel.start();
            Exchange page = new DefaultExchange(camel);
            page.getMessage().setHeader(MagentoConstants.STORE_CODE, "eu");
            page.getMessage().setBody(List.of(Map.of("id", 1, "sku", "A-1", "type_id", "simple", "attribute_set_id", 4)));

            new ProductEnricher().process(page);

            assertEquals(List.of("source-items for eu", "product-attributes for eu", "categories for eu"), asked,
                    "the look-ups a route with Content Enrichers asked, with a copy of the page");
            PageLookups attached = PageLookups.on(page);
            assertEquals("products for eu", attached.storefront().await(), "attached: the next enricher awaits the same");
            attached.attributes().await();
            assertEquals(4, asked.size());
        }
    }

    /** {@code magento:<look-up>} answering what each look-up answers, and noting the store view it was asked for. */
    private static final class AnsweringComponent extends DefaultComponent {

        private final List<String> asked;

        AnsweringComponent(List<String> asked) {
            this.asked = asked;
        }

        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
            return new DefaultEndpoint(uri, this) {
                @Override
                public Producer createProducer() {
                    return new DefaultProducer(this) {
                        @Override
                        public void process(Exchange exchange) {
                            String lookup = remaining + " for " + exchange.getMessage().getHeader(MagentoConstants.STORE_CODE);
                            asked.add(lookup);
                            exchange.getMessage().setBody(switch (remaining) {
                                case "source-items" -> List.of();
                                case "product-attributes" -> AttributeCatalog.of(List.of());
                                case "categories" -> CategoryPaths.of(Map.of("id", 1, "children_data", List.of()));
                                default -> lookup;
                            });
                        }
                    };
                }

                @Override
                public Consumer createConsumer(Processor processor) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
