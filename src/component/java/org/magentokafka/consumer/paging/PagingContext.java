package org.magentokafka.consumer.paging;

import org.apache.camel.spi.ExecutorServiceManager;
import org.magentokafka.producer.LookupContext;

/**
 * What the page readers, the page fetchers and their look-ups use of the stream's endpoint: beyond the look-ups'
 * view, the stream's name for log lines and thread names, the paging options and Camel's thread pools.
 */
public interface PagingContext extends LookupContext {

    /** The stream as its URI names it (for log lines and thread names). */
    String getStream();

    @Override
    PagingSettings getConfiguration();

    /** Where the consumer's threads come from (Camel's executor service manager). */
    ExecutorServiceManager executors();
}
