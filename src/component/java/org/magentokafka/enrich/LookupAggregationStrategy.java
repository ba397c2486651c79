package org.magentokafka.enrich;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.magentokafka.stream.MagentoConstants;

/**
 * The Content Enricher's merge: keeps the page as it is and parks the look-up's answer in a property named after
 * the look-up ({@code CamelMagentoLookup.source-items}, ...), for the product enricher to combine.
 */
public class LookupAggregationStrategy implements AggregationStrategy {

    public static final String PREFIX = "CamelMagentoLookup.";

    @Override
    public Exchange aggregate(Exchange original, Exchange lookup) {
        if (lookup == null) {
            return original;
        }
        if (lookup.getException() != null) {
            original.setException(lookup.getException());
            return original;
        }
        String kind = lookup.getMessage().getHeader(MagentoConstants.LOOKUP, String.class);
        original.setProperty(PREFIX + kind, lookup.getMessage().getBody());
        return original;
    }
}
