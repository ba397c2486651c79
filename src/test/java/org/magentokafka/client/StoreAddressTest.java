package org.magentokafka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoreAddressTest {

    @Test
    void storeViewCodeIsInThePath() {
        StoreAddress a = new StoreAddress("https://www.yourstore.com/", "/rest", "default");
        assertEquals("/rest/default/V1/products", a.path("/V1/products"));
        assertEquals("https://www.yourstore.com/rest/default/V1/products?x=1", a.uri("/V1/products", "x=1").toString());
    }

    @Test
    void storesWithoutRewritesUseIndexPhp() {
        StoreAddress a = new StoreAddress("https://shop.example", "index.php/rest/", "fr");
        assertEquals("/index.php/rest/fr/V1/products", a.path("/V1/products"));
    }

    @Test
    void badBaseUrlsAreRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StoreAddress("", "/rest", "default"));
        assertTrue(e.getMessage().contains("MAGENTO_BASE_URL"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StoreAddress("www.yourstore.com", "/rest", "default"));
        assertTrue(e.getMessage().contains("not an http(s) URL"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StoreAddress("https://shop.example/rest", "/rest", "default"));
        assertTrue(e.getMessage().contains("already contains the REST path"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StoreAddress("https://user:pw@shop.example", "/rest", "default"));
        assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    }

    @Test
    void storeCodeAllIsRefusedAsMagentoDoesForReads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StoreAddress("https://shop.example", "/rest", "all"));
        assertTrue(e.getMessage().contains("Cannot perform GET operation with store code 'all'"), e.getMessage());
    }
}
