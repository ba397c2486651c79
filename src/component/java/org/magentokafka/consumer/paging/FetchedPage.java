package org.magentokafka.consumer.paging;

import org.magentokafka.enrich.PageLookups;
import org.magentokafka.paging.Page;

/**
 * A page as the store answered it, with what the route will enrich it with: a products page's look-ups, started on
 * the fetcher as the consumer's options say (null for the pages of other streams). The hand-over puts them on the
 * page's exchange.
 */
public record FetchedPage(Page page, PageLookups lookups) {
}
