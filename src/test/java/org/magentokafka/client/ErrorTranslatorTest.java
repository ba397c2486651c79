package org.magentokafka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import java.io.IOException;

class ErrorTranslatorTest {

    private final ErrorTranslator translator = new ErrorTranslator(new ObjectMapper());
    private static final String EP = "GET /rest/default/V1/products page 1";

    @Test
    void unauthorizedNamesTheAclResourceAndAllThreeCauses() {
        MagentoException e = translator.translate(EP, 401, "application/json",
                "{\"message\":\"The consumer isn't authorized to access %resources.\",\"parameters\":{\"resources\":\"Magento_Catalog::products\"}}");
        assertTrue(e.getMessage().startsWith(EP + " answered 401 \"The consumer isn't authorized to access Magento_Catalog::products.\""), e.getMessage());
        assertTrue(e.getMessage().contains("invalid or expired"));
        assertTrue(e.getMessage().contains("lacks the ACL resource Magento_Catalog::products"));
        assertTrue(e.getMessage().contains("2.4.4"));
        assertFalse(e.retryable());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void htmlMaintenancePageIsRecognisedAndRetryable() {
        MagentoException e = translator.translate(EP, 503, "text/html; charset=UTF-8",
                "<!doctype html><html><head><title>Service Temporarily Unavailable</title></head><body>\n<h1>Maintenance</h1></body></html>");
        assertTrue(e.getMessage().contains("returned HTML instead of JSON (status 503, title \"Service Temporarily Unavailable\")"), e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void htmlFromAWafSaysToAllowListTheHost() {
        MagentoException e = translator.translate(EP, 403, "text/html", "<html><title>Attention Required! | Cloudflare</title></html>");
        assertTrue(e.getMessage().contains("WAF"), e.getMessage());
        assertTrue(e.getMessage().contains("allow-list"), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void notFoundPointsAtBaseUrlAndIndexPhp() {
        MagentoException e = translator.translate(EP, 404, "application/json", "{\"message\":\"Request does not match any route.\",\"trace\":null}");
        assertTrue(e.getMessage().contains("404"), e.getMessage());
        assertTrue(e.getMessage().contains("magento.rest-path=/index.php/rest"), e.getMessage());
    }

    @Test
    void pageSizeAboveTheStoresMaximumSaysWhichSetting() {
        MagentoException e = translator.translate(EP, 400, "application/json",
                "{\"message\":\"Maximum SearchCriteria pageSize is %max\",\"parameters\":{\"max\":300}}");
        assertTrue(e.getMessage().contains("Maximum SearchCriteria pageSize is 300"), e.getMessage());
        assertTrue(e.getMessage().contains("magento.page-size"), e.getMessage());
    }

    @Test
    void positionalPlaceholdersAreFilledFromAnArray() {
        MagentoException e = translator.translate(EP, 400, "application/json",
                "{\"message\":\"Signature method %1 is not supported\",\"parameters\":[\"PLAINTEXT\"]}");
        assertTrue(e.getMessage().contains("Signature method PLAINTEXT is not supported"), e.getMessage());
    }

    @Test
    void truncatedJsonIsRetryableAndSaysSo() {
        MagentoException e = translator.notJson(EP, 200, "application/json", "{\"items\":[{\"sku\":", new IOException("Unexpected end-of-input"));
        assertTrue(e.getMessage().contains("malformed or truncated JSON"), e.getMessage());
        assertTrue(e.retryable());
    }
}
