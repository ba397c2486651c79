package org.magentokafka.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.processor.aggregate.GroupedMessageAggregationStrategy;

/** Beans the YAML routes refer to by name, registered at build time (no runtime class loading by name). */
@ApplicationScoped
public class RouteBeans {

    /**
     * Collects the split records of one page into a list, so the Kafka producer sends the page as one batch and
     * the page's exchange completes only when Kafka acknowledged every record of it.
     */
    @Produces
    @Named("pageBatch")
    @ApplicationScoped
    AggregationStrategy pageBatch() {
        return new GroupedMessageAggregationStrategy();
    }
}
