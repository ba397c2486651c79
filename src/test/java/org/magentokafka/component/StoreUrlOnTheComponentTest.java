package org.magentokafka.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * baseUrl is optional in a magento: URI (the catalog does not mark it required, so tooling accepts the routes'
 * plain magento:products) because it is normally set once on the component; an endpoint that ends up with none is
 * refused when it is created, with one line that says where to set it.
 */
class StoreUrlOnTheComponentTest {

    @Test
    void theStoreUrlSetOnTheComponentServesEveryEndpoint() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            MagentoComponent component = new MagentoComponent();
            component.getConfiguration().setBaseUrl("https://shop.example.com");
            camel.addComponent("magento", component);
            MagentoEndpoint endpoint = camel.getEndpoint("magento:products", MagentoEndpoint.class);
            assertEquals("https://shop.example.com", endpoint.getConfiguration().getBaseUrl());
        }
    }

    @Test
    void theStoreUrlOfTheUriWinsOverTheComponent() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            MagentoComponent component = new MagentoComponent();
            component.getConfiguration().setBaseUrl("https://shop.example.com");
            camel.addComponent("magento", component);
            MagentoEndpoint endpoint = camel.getEndpoint("magento:categories?baseUrl=https://other.example.com", MagentoEndpoint.class);
            assertEquals("https://other.example.com", endpoint.getConfiguration().getBaseUrl());
        }
    }

    @Test
    void anEndpointWithoutAStoreUrlIsRefusedWithOneLineSayingWhereToSetIt() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("magento", new MagentoComponent());
            ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                    () -> camel.getEndpoint("magento:products"));
            Throwable cause = e.getCause();
            assertEquals(IllegalArgumentException.class, cause.getClass());
            assertEquals("Endpoint magento:products has no store URL: set baseUrl on the URI or magento.base-url"
                         + " (env MAGENTO_BASE_URL), e.g. https://www.yourstore.com", cause.getMessage());
        }
    }
}
