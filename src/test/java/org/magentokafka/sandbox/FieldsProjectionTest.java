package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Magento's FieldsFilter rules (docs/magento-rest-facts.md, "Stock without timestamps"), on JSON values. */
class FieldsProjectionTest {

    private static final String ORDERS = """
            {"items":[{"entity_id":7,"customer_email":"a@example.com","updated_at":"2026-03-01 18:00:05",
                       "items":[{"item_id":1,"sku":"MH01-S","product_type":"configurable"},
                                {"item_id":2,"sku":"MH01-S","parent_item_id":1,"price":0}],
                       "billing_address":{"city":"Calder"}}],
             "search_criteria":{"filter_groups":[]},"total_count":1}""";

    private static JsonNode json(String text) {
        try {
            return MagentoJson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String project(String fields, String answer) {
        return FieldsProjection.apply(QueryString.parse("fields=" + StoreClient.encode(fields)), json(answer)).toString();
    }

    @Test
    void parsesNestedBracketsAsMagentosDocBlockShows() {
        assertEquals(Map.of("customer", Map.of("id", true, "email", true),
                        "addresses", Map.of("city", true, "postcode", true, "region", Map.of("region_code", true, "region", true))),
                FieldsProjection.parse("customer[id,email],addresses[city,postcode,region[region_code,region]]"));
    }

    @Test
    void keepsOnlyTheNamedKeysOfEveryListElementTotalCountOnlyWhenListed() {
        assertEquals(json("""
                {"items":[{"entity_id":7,"updated_at":"2026-03-01 18:00:05",
                           "items":[{"sku":"MH01-S"},{"sku":"MH01-S","parent_item_id":1}]}],"total_count":1}""").toString(),
                project("items[entity_id,updated_at,items[sku,parent_item_id]],total_count", ORDERS));
        assertEquals(json("{\"items\":[{\"entity_id\":7}]}").toString(), project("items[entity_id]", ORDERS),
                "total_count and search_criteria dropped when not listed");
        assertEquals(json("{\"items\":[{\"entity_id\":7}]}").toString(), project("items[entity_id,no_such_field],nope", ORDERS),
                "names the answer lacks are silently dropped");
        assertEquals(json("{\"items\":[{\"billing_address\":{\"city\":\"Calder\"}}]}").toString(),
                project("items[billing_address]", ORDERS), "a key without brackets keeps its value whole");
    }

    @Test
    void anEmptyListReachedByTheFilterBecomesNullAndAnObjectLeftEmptyIsAnEmptyArray() {
        assertEquals("{\"items\":null,\"total_count\":0}",
                project("items[entity_id],total_count", "{\"items\":[],\"search_criteria\":{},\"total_count\":0}"));
        assertEquals("{\"items\":[]}", project("items", "{\"items\":[],\"total_count\":0}"), "no sub-filter: kept as is");
        assertEquals("[]", project("nothing_here", ORDERS), "PHP's empty array");
        assertEquals("{\"items\":[[]]}", project("items[nothing]", ORDERS));
        assertEquals("[{\"code\":\"base\"},{\"code\":\"europe\"}]",
                project("code", "[{\"id\":1,\"code\":\"base\"},{\"id\":2,\"code\":\"europe\"}]"), "a list answer, per element");
    }

    @ParameterizedTest
    @ValueSource(strings = {"items[entity_id, updated_at]", "items.entity_id", "items[entity-id]", "items[sku",
            "a[b[c]", "sku;name", "prénom"})
    void anInvalidFilterIsAnEmptyArray(String fields) {
        assertEquals("[]", project(fields, ORDERS));
    }

    @Test
    void quirksOfThePort() {
        assertNull(FieldsProjection.parse("items[sku"), "an unclosed bracket");
        assertEquals(Map.of("", Map.of("a", true)), FieldsProjection.parse("a]"), "PHP creates what it pops: not invalid");
        assertEquals(json(ORDERS).toString(), FieldsProjection.apply(QueryString.parse("fields=0"), json(ORDERS)).toString(),
                "\"0\" is falsy in PHP: no filter");
        assertEquals(json(ORDERS).toString(), FieldsProjection.apply(QueryString.parse("fields="), json(ORDERS)).toString());
        assertEquals("[]", FieldsProjection.apply(QueryString.parse("fields%5B0%5D=sku"), json(ORDERS)).toString(),
                "an array parameter is not a string");
        assertEquals("\"token\"", FieldsProjection.apply(QueryString.parse("fields=sku"), json("\"token\"")).toString(),
                "only arrays and objects are filtered");
        assertEquals(List.of(true, false), List.of(PersonalData.carriedBy(json(ORDERS)),
                PersonalData.carriedBy(json(project("items[entity_id,items[sku]]", ORDERS)))));
    }
}
