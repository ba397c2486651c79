package org.magentokafka.storefront;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DisplayableTest {

    private static final StoreViewScope EU = new StoreViewScope("eu", 3, 2, "europe", "EUR", "https://shop/eu/media/",
            "https://shop/eu/", "Europe/Berlin", 2);

    @Test
    void anEnabledVisibleProductOfTheWebsiteIsDisplayable() {
        for (int visibility : new int[] {2, 3, 4}) {
            assertTrue(Displayable.of(product(1, visibility, List.of(1, 2)), EU), "visibility " + visibility);
        }
    }

    @Test
    void aDisabledProductIsNotDisplayable() {
        assertFalse(Displayable.of(product(2, 4, List.of(2)), EU));
    }

    @Test
    void aProductNotVisibleIndividuallyIsNotDisplayable() {
        assertFalse(Displayable.of(product(1, 1, List.of(2)), EU), "a configurable's child (visibility 1)");
    }

    @Test
    void aProductOfAnotherWebsiteIsNotDisplayable() {
        assertFalse(Displayable.of(product(1, 4, List.of(1)), EU));
        assertFalse(Displayable.of(product(1, 4, List.of()), EU));
    }

    @Test
    void numericTextCountsLikeNumbers() {
        assertTrue(Displayable.of(product("1", "4", List.of("2")), EU));
        assertFalse(Displayable.of(product(null, "4", List.of("2")), EU), "no status is not enabled");
    }

    private static Map<String, Object> product(Object status, Object visibility, List<?> websites) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sku", "MP01");
        p.put("status", status);
        p.put("visibility", visibility);
        p.put("extension_attributes", Map.of("website_ids", websites));
        return p;
    }
}
