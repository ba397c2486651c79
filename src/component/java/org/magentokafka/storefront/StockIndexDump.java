package org.magentokafka.storefront;

import java.io.IOException;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.net.PercentEncoding;

/**
 * {@code GET /V1/inventory/dump-stock-index-data/website/{code}} (magento/inventory's InventoryExportStockApi,
 * {@code ExportStockIndexDataInterface}, ACL {@code Magento_InventoryApi::stock}): a website's whole stock index in
 * one answer, no paging and no searchCriteria, unordered: {@code [{"sku","qty","is_salable"}, ...]} read from
 * {@code inventory_stock_<id>} by {@code StockIndexDumpProcessor}. {@code qty} is the stock's sources summed,
 * without reservations (0 for configurable, bundle and grouped products); {@code is_salable} is the index's flag,
 * which Magento 2.4 turns false once reservations sold a product out. About 60 bytes per product, so the answer is
 * read as a stream of tokens: each item goes to the caller, no tree of 100,000 items is built.
 */
public final class StockIndexDump {

    /** What metrics and logs call the endpoint: without the website code. */
    public static final String ENDPOINT = "/V1/inventory/dump-stock-index-data/website/{code}";

    /** Receives each item of the dump as it is read. */
    public interface ItemSink {
        void item(String sku, double quantity, boolean salable);
    }

    private StockIndexDump() {
    }

    public static String resource(String websiteCode) {
        return "/V1/inventory/dump-stock-index-data/website/" + PercentEncoding.encode(websiteCode);
    }

    /**
     * Reads the website's dump into a sink of its own per attempt (an answer cut short is asked again, and only the
     * whole one counts); returns the sink that read the answer.
     */
    public static <T extends ItemSink> T read(MagentoClient client, String websiteCode, Supplier<T> sinks) {
        return client.getParsed(resource(websiteCode), "", ENDPOINT, json -> {
            T sink = sinks.get();
            items(json, sink);
            return sink;
        });
    }

    static long items(JsonParser json, ItemSink sink) throws IOException {
        if (json.nextToken() != JsonToken.START_ARRAY) {
            throw new IOException("not the JSON array of {sku, qty, is_salable} a stock index dump is");
        }
        long count = 0;
        while (json.nextToken() == JsonToken.START_OBJECT) {
            String sku = null;
            double quantity = 0;
            boolean salable = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "sku" -> sku = value == JsonToken.VALUE_NULL ? null : json.getValueAsString();
                    case "qty" -> quantity = json.getValueAsDouble(0);
                    // PHP serializers are not strict about booleans: true, 1 and "1" all mean salable.
                    case "is_salable" -> salable = value == JsonToken.VALUE_TRUE || "1".equals(json.getValueAsString())
                                                   || "true".equalsIgnoreCase(json.getValueAsString());
                    default -> json.skipChildren();
                }
            }
            if (sku != null) {
                sink.item(sku, quantity, salable);
                count++;
            }
        }
        if (json.currentToken() != JsonToken.END_ARRAY) {
            throw new IOException("the stock index dump's array holds something else than items");
        }
        return count;
    }
}
