package org.magentokafka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The stock scenario reads a product event's source-item quantities and its salable flag (docs/events.md). */
class StockEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A simple product's event as the connector publishes it (binary mode: the value is the data), parts left out. */
    private static final String EVENT = """
            {"store_code": "default", "product": {"sku": "MT07"},
             "inventory": {"quantity": 82.0, "in_stock": true, "sources": [
               {"source_code": "default", "quantity": 23.0, "status": 1},
               {"source_code": "warehouse_eu", "quantity": 59, "status": 1}]},
             "displayable": true,
             "salable": {"quantity": 23.0, "is_salable": true, "stock_id": 1}}
            """;

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void theSourceItemQuantityIsReadPerSourceCode() throws Exception {
        JsonNode event = json(EVENT);
        assertEquals(23.0, StockEvents.sourceQuantity(event, "default"));
        assertEquals(59.0, StockEvents.sourceQuantity(event, "warehouse_eu"));
        assertNull(StockEvents.sourceQuantity(event, "elsewhere"));
        assertTrue(StockEvents.carriesSourceQuantity(event, "warehouse_eu", 59));
        // inventory.quantity (the sum) is not a source's quantity.
        assertFalse(StockEvents.carriesSourceQuantity(event, "default", 82));
    }

    @Test
    void soldOutIsSalableFalseNotAnUnknownSalable() throws Exception {
        assertEquals(Boolean.TRUE, StockEvents.isSalable(json(EVENT)));
        assertFalse(StockEvents.carriesSoldOut(json(EVENT)));
        JsonNode soldOut = json(EVENT.replace("\"is_salable\": true", "\"is_salable\": false"));
        assertTrue(StockEvents.carriesSoldOut(soldOut));
        // Not granted: salable null and a reason under unknown; neither says the product is sold out.
        JsonNode unknown = json("""
                {"inventory": {"quantity": 5, "in_stock": true, "sources": []}, "salable": null,
                 "unknown": {"salable": "not granted: Magento_InventoryApi::stock"}}
                """);
        assertNull(StockEvents.isSalable(unknown));
        assertFalse(StockEvents.carriesSoldOut(unknown));
        assertNull(StockEvents.sourceQuantity(json("{\"inventory\": null}"), "default"));
        assertNull(StockEvents.isSalable(null));
    }

    @Test
    void aStructuredModeEventIsReadThroughItsData() throws Exception {
        JsonNode structured = json("{\"specversion\": \"1.0\", \"type\": \"magento.product.updated\", \"data\": " + EVENT + "}");
        assertEquals(59.0, StockEvents.sourceQuantity(structured, "warehouse_eu"));
        assertEquals(Boolean.TRUE, StockEvents.isSalable(structured));
    }
}
