package org.magentokafka.stream;

import org.apache.camel.spi.Metadata;

/**
 * Headers the magento component sets on the exchanges it creates (annotated: the component's catalog lists them),
 * and the one exchange property a products page carries.
 */
public final class MagentoConstants {

    @Metadata(label = "consumer", description = "The stream this page belongs to, e.g. products.", javaType = "String")
    public static final String STREAM = "CamelMagentoStream";
    @Metadata(label = "consumer", description = "The store view code the page was read from.", javaType = "String")
    public static final String STORE_CODE = "CamelMagentoStoreCode";
    @Metadata(label = "consumer", description = "The 1-based page number within this poll.", javaType = "Integer")
    public static final String PAGE = "CamelMagentoPage";
    @Metadata(label = "consumer", description = "How many pages this poll reads.", javaType = "Integer")
    public static final String PAGE_COUNT = "CamelMagentoPageCount";
    @Metadata(label = "consumer", description = "The collection's total_count as reported by Magento.", javaType = "Long")
    public static final String TOTAL_COUNT = "CamelMagentoTotalCount";

    @Metadata(label = "consumer", description = "The store view's REST base URL, used as the CloudEvent source.",
              javaType = "String")
    public static final String SOURCE = "CamelMagentoSource";
    @Metadata(label = "consumer", description = "True on a page of deleted keys (each item holds only the key) rather than items.",
              javaType = "Boolean")
    public static final String DELETES = "CamelMagentoDeletes";
    @Metadata(label = "consumer", description = "created, updated, deleted or unchanged: set per item by the change detector.",
              javaType = "String")
    public static final String CHANGE = "CamelMagentoChange";
    @Metadata(label = "consumer", description = "The stream's base Kafka topic, set by the route; store views other than default publish to that topic followed by a dot and the store code.",
              javaType = "String")
    public static final String TOPIC = "CamelMagentoTopic";
    @Metadata(label = "consumer", description = "The dead-letter topic for items that cannot be published, set by the route.",
              javaType = "String")
    public static final String DEAD_LETTER_TOPIC = "CamelMagentoDeadLetterTopic";
    @Metadata(label = "producer", description = "Which look-up answered (source-items, product-attributes, categories).",
              javaType = "String")
    public static final String LOOKUP = "CamelMagentoLookup";
    @Metadata(label = "producer", description = "The key of the item to look up, e.g. the SKU for products.",
              javaType = "String")
    public static final String KEY = "CamelMagentoKey";

    /**
     * Exchange property, not a header (so not in the catalog): a products page's look-ups ({@code PageLookups} of the
     * enrich package), which the route's product and storefront enrichers await.
     */
    public static final String PAGE_LOOKUPS = "CamelMagentoPageLookups";

    private MagentoConstants() {
    }
}
