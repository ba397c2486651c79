package org.magentokafka.component;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.magentokafka.paging.SearchCriteria;

/**
 * Looks one item up by its key: {@code magento:products} with header {@value MagentoConstants#KEY} = SKU returns
 * the product as Magento returns it. The SKU is percent-encoded in the path, so SKUs with {@code /}, spaces,
 * {@code +}, {@code &} or non-ASCII characters work.
 */
public class MagentoProducer extends DefaultProducer {

    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };

    public MagentoProducer(MagentoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MagentoEndpoint getEndpoint() {
        return (MagentoEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MagentoEndpoint endpoint = getEndpoint();
        String key = exchange.getMessage().getHeader(MagentoConstants.KEY, String.class);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("magento:" + endpoint.getStream() + " look-up needs the header "
                                               + MagentoConstants.KEY + " with the item's key (the SKU for products)");
        }
        String resource = endpoint.stream().resource() + "/" + SearchCriteria.PercentEncoding.encode(key);
        JsonNode item = endpoint.client().getJson(resource, null);
        exchange.getMessage().setBody(endpoint.mapper().convertValue(item, ITEM));
    }
}
