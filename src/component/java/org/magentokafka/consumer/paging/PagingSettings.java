package org.magentokafka.consumer.paging;

import org.magentokafka.producer.LookupSettings;

/** The endpoint options a stream's passes read while they walk pages (implemented by its configuration). */
public interface PagingSettings extends LookupSettings {

    /** Items per page of the stream's passes. */
    int getPageSize();

    /** Requests in flight to the store at once: the fetchers and keyset ranges are sized by it. */
    int getMaxConcurrency();

    /** Products: start each page's stock look-up on the fetcher that brought the page. */
    boolean isPrefetchInventory();

    /** Products: start each page's storefront look-ups on the fetcher that brought the page. */
    boolean isPrefetchStorefront();
}
