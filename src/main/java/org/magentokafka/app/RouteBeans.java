package org.magentokafka.app;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.serde.KafkaHeaderSerializer;
import org.magentokafka.component.MagentoComponent;
import org.magentokafka.events.ChangeDetector;
import org.magentokafka.events.FencedPublisher;
import org.magentokafka.kafka.FencedWriter;
import org.magentokafka.events.RecordSizeLimit;
import org.magentokafka.kafka.KafkaClientSettings;
import org.magentokafka.events.PageBatchAggregationStrategy;
import org.magentokafka.enrich.ProductEnricher;
import org.magentokafka.storefront.StorefrontEnricher;
import org.magentokafka.events.Utf8HeaderSerializer;

/** Beans the YAML routes refer to by name, registered at build time (no runtime class loading by name). */
@ApplicationScoped
public class RouteBeans {

    private final ObjectMapper mapper = new ObjectMapper();

    /** Collects a page's changed records into one Kafka batch. */
    @Produces
    @Named("pageBatch")
    @Singleton
    AggregationStrategy pageBatch() {
        return new PageBatchAggregationStrategy();
    }

    /** Awaits a page's look-ups; option labels, stock summed over sources, category paths of a page of products. */
    @Produces
    @Named("productEnricher")
    @Singleton
    Processor productEnricher() {
        return new ProductEnricher();
    }

    /** Awaits a page's storefront look-ups; website scoping and storefront fields (salable, prices, URLs, variants). */
    @Produces
    @Named("storefrontEnricher")
    @Singleton
    Processor storefrontEnricher() {
        return new StorefrontEnricher();
    }

    /** Kafka header values as UTF-8 whatever the platform charset (the kafka endpoint's headerSerializer). */
    @Produces
    @Named("utf8Headers")
    @Singleton
    KafkaHeaderSerializer utf8Headers() {
        return new Utf8HeaderSerializer();
    }

    /**
     * High availability's Kafka step: a page's records and its state in one transaction of the magento component's
     * fenced writer (publish.yaml chooses it when magento.ha.enabled).
     */
    @Produces
    @Named("fencedPublisher")
    @Singleton
    Processor fencedPublisher(CamelContext camel) {
        return new FencedPublisher(() -> fencedWriter(camel), new Utf8HeaderSerializer());
    }

    static FencedWriter fencedWriter(CamelContext camel) {
        MagentoComponent magento = camel == null ? null : camel.getComponent("magento", MagentoComponent.class);
        return (magento == null ? Optional.<FencedWriter>empty() : magento.fencedWriter())
                .orElseThrow(() -> new IllegalStateException("the fenced publisher runs with magento.ha.enabled=true only"));
    }

    /** Hash per key against the state: created, updated, deleted or unchanged; CloudEvent headers. */
    @Produces
    @Named("changeDetector")
    @Singleton
    Processor changeDetector(KafkaClientSettings kafka) {
        return new ChangeDetector(mapper, RecordSizeLimit.of(kafka.producer()));
    }
}
