package org.magentokafka.health;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.AdminGrants;
import org.magentokafka.enrich.Unavailable;
import org.magentokafka.net.PercentEncoding;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.storefront.SalesFeed;
import org.magentokafka.storefront.StockIndexDump;
import org.magentokafka.stream.MagentoStream;

/**
 * The connection check's lines for what brings stock changes to Kafka in seconds rather than a scan cycle, each
 * optional (events go out without them) and saying what it needs: the stock index ({@code dump-stock-index-data},
 * {@code Magento_InventoryApi::stock} and the inventory modules; one request, the whole website, as every cycle
 * asks it) and, when {@code magento.stock.order-signals=true}, orders and credit memos (a sales grant), asked for one
 * row with the projection the signals use, so not even the check reads a customer field.
 */
final class StockSignalsProbe {

    private static final String STAND_IN = "stock changes are found by the paced scans (source-items stream, salable-quantity scan)";

    private final ProbedStream endpoint;
    private final MagentoClient client;
    private final List<ConnectionProbe.Result> results = new ArrayList<>();

    private StockSignalsProbe(ProbedStream endpoint, MagentoClient client) {
        this.endpoint = endpoint;
        this.client = client;
    }

    /** @param websiteCode the products' store view's website, or null when the store did not name it */
    static List<ConnectionProbe.Result> probe(ProbedStream endpoint, MagentoClient client, String websiteCode) {
        StockSignalsProbe probe = new StockSignalsProbe(endpoint, client);
        probe.stockIndex(websiteCode);
        probe.sales("orders", SalesFeed.ORDERS);
        probe.sales("credit-memos", SalesFeed.CREDIT_MEMOS);
        return List.copyOf(probe.results);
    }

    private void stockIndex(String websiteCode) {
        if (endpoint.guest()) {
            add("stock-index", StockIndexDump.ENDPOINT, true, "NOT ASKED: never served to guests; " + STAND_IN);
        } else if (!endpoint.stockIndex()) {
            add("stock-index", StockIndexDump.ENDPOINT, true, "NOT ASKED: magento.stock.index=false; " + STAND_IN);
        } else if (websiteCode == null) {
            add("stock-index", StockIndexDump.ENDPOINT, true, "NOT ASKED: needs the store view's website (see websites);"
                                                              + " without it " + STAND_IN);
        } else {
            String resource = StockIndexDump.resource(websiteCode);
            try {
                long skus = StockIndexDump.read(client, websiteCode, Count::new).items;
                add("stock-index", resource, true, "OK (" + skus + " SKUs of website " + websiteCode + " in one answer:"
                                                   + " a stock change reaches Kafka within magento.stock.index-interval)");
            } catch (MagentoException e) {
                add("stock-index", resource, false, optional(e, "Magento_InventoryApi::stock",
                        "the inventory (MSI) modules (Magento_InventoryExportStockApi)", STAND_IN));
            }
        }
    }

    private void sales(String name, SalesFeed feed) {
        String resource = feed.resource();
        String grant = feed.grant();
        if (!endpoint.orderSignals() || endpoint.guest()) {
            add(name, resource, true, "NOT ASKED: magento.stock.order-signals=false (opt-in: an order reaches Kafka"
                                      + " within a products poll with " + AdminGrants.label(grant) + ")");
            return;
        }
        try {
            JsonNode answer = client.getJson(resource, SearchCriteria.paged(1).toQueryString() + "&fields="
                                                       + PercentEncoding.encode(SalesFeed.FIELDS), resource);
            add(name, resource, true, "OK (" + answer.path("total_count").asLong() + " rows; asked for ids, dates and"
                                      + " item SKUs only)");
        } catch (MagentoException e) {
            add(name, resource, false, optional(e, grant, "Magento_Sales", "order-driven stock changes are found by"
                                                                           + " the stock index and the salable-quantity scan"));
        }
    }

    /** Counts a dump's items (the check keeps nothing of them). */
    private static final class Count implements StockIndexDump.ItemSink {
        long items;

        @Override
        public void item(String sku, double quantity, boolean salable) {
            items++;
        }
    }

    private static String optional(MagentoException e, String grant, String module, String standIn) {
        Unavailable why = Unavailable.of(e, grant, module);
        if (why == null) {
            return "WARN: " + ConnectionProbe.classify(MagentoStream.PRODUCTS, e) + " (optional)";
        }
        if (why.grant() != null) {
            return "OPTIONAL: not granted; grant " + AdminGrants.label(why.grant()) + " in System > Extensions >"
                   + " Integrations > API; meanwhile " + standIn;
        }
        return "OPTIONAL: no route (404): the store lacks " + module + "; " + standIn;
    }

    private void add(String name, String resource, boolean ok, String outcome) {
        results.add(ConnectionProbe.Result.optional(name, client.address().path(resource), ok, outcome));
    }
}
