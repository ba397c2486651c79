package org.magentokafka.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.magentokafka.auth.AnonymousAuthenticator;
import org.magentokafka.auth.AuthMode;
import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.CategoryPaths;
import org.magentokafka.stream.MagentoConstants;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.enrich.ProductEnricher;
import org.magentokafka.enrich.PageLookup;
import org.magentokafka.enrich.PageLookups;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.Unavailable;
import org.magentokafka.enrich.UnknownParts;

class AnonymousModeTest {

    @Test
    void noneIsAModeAndSendsNoCredentials() {
        assertEquals(AuthMode.NONE, AuthMode.parse(" None "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://shop.example.com/rest/V1/products"));
        new AnonymousAuthenticator().authenticate(request, "GET", URI.create("https://shop.example.com/rest/V1/products"));
        assertTrue(request.build().headers().map().isEmpty(), "no Authorization header");
    }

    @Test
    void onlyProductsCanBeOpenedToGuestsByTheStoreSetting() {
        String products = ConnectionProbe.refusedToGuests(MagentoStream.PRODUCTS);
        assertTrue(products.contains("Allow Anonymous Guest Access = Yes") && products.contains("Magento_Catalog::products"), products);
        for (MagentoStream stream : MagentoStream.values()) {
            if (stream != MagentoStream.PRODUCTS) {
                String line = ConnectionProbe.refusedToGuests(stream);
                assertTrue(line.startsWith("NEVER SERVED TO GUESTS (Magento requires " + stream.aclResource() + ")")
                           && line.contains("magento.streams." + stream.uriName() + ".enabled=false")
                           && !line.contains("\n"), line);
            }
        }
    }

    @Test
    void aGuestsProductHasUnknownInventoryNotZeroStock() throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        Map<String, Object> product = new LinkedHashMap<>(Map.of("id", 1, "sku", "A-1", "name", "A", "type_id", "simple",
                "attribute_set_id", 4, "updated_at", "2024-01-01 00:00:00"));
        exchange.getMessage().setBody(List.of(product));
        exchange.setProperty(MagentoConstants.PAGE_LOOKUPS, new PageLookups(
                PageLookup.of(() -> UnknownParts.of(EventPart.INVENTORY, Unavailable.NOT_FOR_GUESTS)),
                PageLookup.of(() -> AttributeCatalog.of(List.of())),
                PageLookup.of(() -> CategoryPaths.of(Map.of("id", 1, "children_data", List.of()))),
                PageLookup.of(() -> null)));
        new ProductEnricher().process(exchange);
        Map<?, ?> document = (Map<?, ?>) exchange.getMessage().getBody(List.class).get(0);
        assertTrue(document.containsKey("inventory") && document.get("inventory") == null, document.toString());
        assertEquals(Map.of("inventory", "not served to guests"), document.get("unknown"), "unknown, and said why: " + document);
    }
}
