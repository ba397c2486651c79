package org.magentokafka.enrich;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.magentokafka.stream.MagentoConstants;

/**
 * The look-ups of a page that arrived without them (a route that reads {@code magento:products} some other way, a
 * page built by hand): asked of the {@code magento:} look-ups ({@code magento:source-items},
 * {@code magento:product-attributes}, {@code magento:categories}, {@code magento:products}) with a copy of the page,
 * each when first awaited: the same requests as the products consumer's look-ups that nobody started. Attached to the
 * page, so the later enrichers await the same ones.
 */
public final class RequestedLookups {

    private volatile ProducerTemplate template;

    /** The page's look-ups: its own, or asked of the {@code magento:} look-ups from now on. */
    public PageLookups of(Exchange page) {
        PageLookups lookups = PageLookups.on(page);
        if (lookups == null) {
            Map<String, Object> headers = new HashMap<>(page.getMessage().getHeaders());
            Object products = page.getMessage().getBody();
            ProducerTemplate asking = template(page.getContext());
            lookups = new PageLookups(PageLookup.of(() -> ask(asking, "magento:source-items", headers, products)),
                    PageLookup.of(() -> (AttributeCatalog) ask(asking, "magento:product-attributes", headers, products)),
                    PageLookup.of(() -> (CategoryPaths) ask(asking, "magento:categories", headers, products)),
                    PageLookup.of(() -> ask(asking, "magento:products", headers, products)));
            page.setProperty(MagentoConstants.PAGE_LOOKUPS, lookups);
        }
        return lookups;
    }

    /** The look-up's answer for a copy of the page (what a Content Enricher sends), or its failure. */
    private static Object ask(ProducerTemplate template, String uri, Map<String, Object> headers, Object products)
            throws Exception {
        Exchange answer = template.send(uri, lookup -> {
            lookup.getMessage().setHeaders(new HashMap<>(headers));
            lookup.getMessage().setBody(products);
        });
        if (answer.getException() != null) {
            throw answer.getException();
        }
        return answer.getMessage().getBody();
    }

    /** One template per Camel context: its producers (one per look-up) are kept, as a route step's would be. */
    private synchronized ProducerTemplate template(CamelContext camel) {
        if (template == null || template.getCamelContext() != camel) {
            template = camel.createProducerTemplate();
        }
        return template;
    }
}
