package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storefront side of the sandbox for tests: websites and their stocks, orders, salable quantities and final
 * prices as the storefront endpoints answer them. An order is a reservation, as in magento/inventory: it lowers the
 * salable quantity and changes neither the product (its updated_at) nor any source item, so only a scan of
 * export-stock-salable-qty, or of the orders ({@link OrderBook}: GET /V1/orders, /V1/creditmemos), can see it.
 * Thread-safe.
 */
public final class SandboxStorefront {

    private final SandboxCatalog catalog;
    private final Clock clock;
    private final StorefrontOptions options;
    /** stock id → lower-case SKU → reserved quantity (orders are negative). */
    private final Map<Integer, Map<String, Double>> reservations = new ConcurrentHashMap<>();
    private final OrderBook orders = new OrderBook();

    SandboxStorefront(SandboxCatalog catalog, Clock clock, StorefrontOptions options) {
        this.catalog = catalog;
        this.clock = clock;
        this.options = options;
    }

    /** The selling websites (admin not included). */
    public List<Website> websites() {
        return catalog.storeViews().websites();
    }

    /** The stock GET /V1/inventory/stock-resolver/website/{code} names. */
    public int stockId(String websiteCode) {
        return website(websiteCode).stockId();
    }

    /**
     * Places an order of {@code quantity} units of a simple product in a website: a reservation of −quantity in
     * the website's stock, and an order (state new, status pending, created_at and updated_at now by the store's
     * clock) that GET /V1/orders lists. A configurable's child is ordered through its parent: the order has the
     * parent's item and the child's. Products and source items stay as they are.
     *
     * @return the order's entity_id
     * @throws IllegalArgumentException for an unknown SKU or website code, or a configurable (orders reserve children)
     */
    public int placeOrder(String sku, String websiteCode, double quantity) {
        ObjectNode product = catalog.productNode(sku);
        if (product == null) {
            throw new IllegalArgumentException("no product " + sku);
        }
        if (SalableStock.isConfigurable(product)) {
            throw new IllegalArgumentException(sku + " is a configurable: order one of its children");
        }
        Website website = website(websiteCode);
        SalesOrder.OrderLine line = SalesOrder.OrderLine.of(catalog, product);
        // Reserved before the order is listed: a client that sees the order already reads the stock it lowered.
        reserve(website.stockId(), sku, -quantity);
        return orders.place(website, catalog.storeViews().defaultViewOf(website), line, quantity, now());
    }

    /**
     * Cancels an open order: its reservation is compensated (+quantity, as Magento_InventorySales does on
     * order_cancel_after), state and status become "canceled", updated_at moves to now.
     *
     * @throws IllegalArgumentException for an unknown order id
     * @throws IllegalStateException    for an order already canceled or refunded
     */
    public void cancelOrder(int orderId) {
        orders.cancel(orderId, now(), back -> reserve(back.stockId(), back.sku(), back.quantity()));
    }

    /**
     * Refunds a whole open order: a credit memo now, the quantity back to stock (+quantity: an unshipped order's
     * items returned), the order's state and status "closed" and its updated_at now.
     *
     * @return the credit memo's entity_id
     * @throws IllegalArgumentException for an unknown order id
     * @throws IllegalStateException    for an order already canceled or refunded
     */
    public int refundOrder(int orderId) {
        return orders.refund(orderId, now(), back -> reserve(back.stockId(), back.sku(), back.quantity()));
    }

    /** The reserved quantity of a SKU in a website's stock (negative after orders, 0 without). */
    public double reservedQuantity(String sku, String websiteCode) {
        return reservationsOf(website(websiteCode)).getOrDefault(ProductTable.key(sku), 0.0);
    }

    /** The qty export-stock-salable-qty answers: 0 for configurables, as Magento; empty for an unknown SKU. */
    public Optional<Double> salableQuantity(String sku, String websiteCode) {
        return salable(sku, websiteCode).map(SalableStock.Salable::quantity);
    }

    /** The is_salable export-stock-salable-qty answers; a configurable is salable through an enabled child. */
    public boolean isSalable(String sku, String websiteCode) {
        return salable(sku, websiteCode).map(SalableStock.Salable::salable).orElse(false);
    }

    /** The SKUs of a configurable's children (its configurable_product_links), in id order; empty for others. */
    public List<String> childSkus(String parentSku) {
        ObjectNode parent = catalog.productNode(parentSku);
        List<String> skus = new ArrayList<>();
        if (parent != null) {
            List<Integer> ids = new ArrayList<>();
            parent.path("extension_attributes").path("configurable_product_links").forEach(id -> ids.add(id.asInt()));
            catalog.productNodesById(ids).forEach(child -> skus.add(child.get("sku").asText()));
        }
        return skus;
    }

    /**
     * Sets a special price with its window (to may be null: open-ended), as saving the product in the admin does:
     * updated_at moves now; later, the window opening or closing moves the final price without touching it.
     */
    public boolean setSpecialPrice(String sku, double price, LocalDate from, LocalDate to) {
        return catalog.updateProduct(sku, product -> {
            ArrayNode custom = product.withArray("custom_attributes");
            for (int i = custom.size() - 1; i >= 0; i--) {
                if (custom.get(i).path("attribute_code").asText().startsWith("special_")) {
                    custom.remove(i);
                }
            }
            custom.addObject().put("attribute_code", "special_price").put("value", String.valueOf(price));
            custom.addObject().put("attribute_code", "special_from_date").put("value", from + " 00:00:00");
            if (to != null) {
                custom.addObject().put("attribute_code", "special_to_date").put("value", to + " 00:00:00");
            }
        });
    }

    /**
     * Assigns a product to exactly these websites (by code; none = no website), as saving it in the admin with other
     * "Product in Websites" boxes ticked does: {@code extension_attributes.website_ids} changes and updated_at moves.
     *
     * @return false for an unknown SKU
     * @throws IllegalArgumentException for an unknown website code
     */
    public boolean setWebsites(String sku, String... websiteCodes) {
        List<Integer> ids = new ArrayList<>();
        for (String code : websiteCodes) {
            ids.add(website(code).id());
        }
        return catalog.updateProduct(sku, product -> {
            JsonNode extension = product.get("extension_attributes");
            ObjectNode attributes = extension instanceof ObjectNode o ? o : product.putObject("extension_attributes");
            ArrayNode list = attributes.putArray("website_ids");
            ids.forEach(list::add);
        });
    }

    /** The websites (codes) a product is assigned to, in id order; empty for an unknown SKU. */
    public List<String> websitesOf(String sku) {
        ObjectNode product = catalog.productNode(sku);
        List<String> codes = new ArrayList<>();
        if (product != null) {
            for (Website website : websites()) {
                for (JsonNode id : product.path("extension_attributes").path("website_ids")) {
                    if (id.asInt() == website.id()) {
                        codes.add(website.code());
                    }
                }
            }
        }
        return codes;
    }

    /**
     * The final_price products-render-info answers for a product in a store view and its display currency; empty
     * when render-info leaves the product out (disabled, not in the website, not salable).
     */
    public Optional<Double> finalPrice(String sku, String storeCode) {
        StoreView view = catalog.storeViews().byCode(storeCode)
                .orElseThrow(() -> new IllegalArgumentException("no store view " + storeCode));
        ObjectNode product = catalog.productNode(sku);
        if (product == null) {
            return Optional.empty();
        }
        return prices(view).render(product, view.currency()).map(StorefrontPrices.Prices::finalPrice);
    }

    // ---------------------------------------------------------------- for the endpoints

    SalableStock stock(Website website) {
        return new SalableStock(catalog, website, reservationsOf(website));
    }

    StorefrontPrices prices(StoreView view) {
        return new StorefrontPrices(view, catalog.storeViews().websiteOf(view), stock(catalog.storeViews().websiteOf(view)),
                clock, options.displayOutOfStock());
    }

    OrderBook orders() {
        return orders;
    }

    Website website(String code) {
        return catalog.storeViews().websiteByCode(code)
                .orElseThrow(() -> new IllegalArgumentException("no website " + code));
    }

    private Optional<SalableStock.Salable> salable(String sku, String websiteCode) {
        ObjectNode product = catalog.productNode(sku);
        return product == null ? Optional.empty() : Optional.of(stock(website(websiteCode)).of(product));
    }

    private void reserve(int stockId, String sku, double quantity) {
        reservations.computeIfAbsent(stockId, id -> new ConcurrentHashMap<>()).merge(ProductTable.key(sku), quantity, Double::sum);
    }

    private String now() {
        return MagentoTime.format(clock.instant());
    }

    private Map<String, Double> reservationsOf(Website website) {
        return reservations.getOrDefault(website.stockId(), Map.of());
    }

    static String customAttribute(JsonNode product, String code) {
        for (JsonNode attribute : product.path("custom_attributes")) {
            if (code.equals(attribute.path("attribute_code").asText())) {
                JsonNode value = attribute.get("value");
                return value == null || value.isNull() ? null : value.asText();
            }
        }
        return null;
    }
}
