package org.magentokafka.enrich;

import org.apache.camel.Exchange;
import org.magentokafka.stream.MagentoConstants;

/**
 * What a page of products is enriched with, carried by the page's exchange under
 * {@value MagentoConstants#PAGE_LOOKUPS}: one {@link PageLookup} each for its stock, the attribute metadata and the
 * category tree of its store view, and its storefront look-ups in its store view. The products consumer attaches them
 * to every page it hands over, the stock and storefront look-ups already started on the fetcher that brought the
 * page when its prefetch options say so (then the store works on the next pages' look-ups while the route enriches
 * this one); the route's enrichers await them in page order. A look-up nobody started runs when it is first awaited.
 *
 * @param stock      the page's source items (a list of source-item rows, read in the first store view: they are the
 *                   same in every one) or, when the store refuses them or a guest is never served them, the
 *                   {@link UnknownParts} saying why
 * @param attributes the page's store view's attribute metadata (cached)
 * @param categories the page's store view's category tree (cached)
 * @param storefront the page's storefront look-ups in its store view (the storefront package's {@code StorefrontPage}:
 *                   children, salable quantities, render-info, the children's parents)
 */
public record PageLookups(PageLookup<Object> stock, PageLookup<AttributeCatalog> attributes,
                          PageLookup<CategoryPaths> categories, PageLookup<?> storefront) {

    /** The page's look-ups as its exchange carries them, or null when it carries none. */
    public static PageLookups on(Exchange page) {
        return page.getProperty(MagentoConstants.PAGE_LOOKUPS, PageLookups.class);
    }
}
