package org.magentokafka.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.magentokafka.stream.MagentoStream;

/** Any SKU Magento accepts is asked for exactly, and a composite key never cuts a SKU. */
class ValueFiltersTest {

    @Test
    void valuesMagentoWouldSplitOrTrimAreAskedForAloneWithEq() {
        List<SearchCriteria.Filter> filters = ValueFilters.of("sku", List.of("A", "PIPE|ONE", "COMMA,TWO", " PAD", "B", "C"), 2);
        assertEquals(List.of(new SearchCriteria.Filter("sku", "A,PIPE|ONE", "in"), new SearchCriteria.Filter("sku", "B,C", "in"),
                new SearchCriteria.Filter("sku", "COMMA,TWO", "eq"), new SearchCriteria.Filter("sku", " PAD", "eq")), filters);
    }

    @Test
    void aSourceItemKeyGivesBackItsSkuWhateverTheSkuHolds() {
        MagentoStream items = MagentoStream.SOURCE_ITEMS;
        for (String sku : List.of("PLAIN", "PIPE|ONE", "A|B,C", "10%|off|")) {
            String key = items.keyOf(Map.of("sku", sku, "source_code", "eu|west%"));
            assertEquals(sku, items.leadingValue(key), key);
        }
        assertEquals("PLAIN|default", items.keyOf(Map.of("sku", "PLAIN", "source_code", "default")), "keys of state written before");
        assertEquals("PIPE|ONE", MagentoStream.PRODUCTS.leadingValue("PIPE|ONE"), "a one-field key is the value itself");
    }
}
