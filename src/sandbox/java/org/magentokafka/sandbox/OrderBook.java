package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sales side of the sandbox: orders and credit memos, in id order (sales_order and sales_creditmemo). Each
 * change renders a new document and swaps it in, so the endpoints list documents nobody changes afterwards.
 * Thread-safe (every method holds the book's lock). A cancel or refund gives the stock back before the order's new
 * document is listed, so a client that sees the order move already reads the salable quantity it caused.
 */
final class OrderBook {

    /** What an order reserved in a stock: what a cancel or a refund gives back. */
    record Reservation(int stockId, String sku, double quantity) {
    }

    private final Map<Integer, SalesOrder> orders = new LinkedHashMap<>();
    private final Map<Integer, ObjectNode> orderDocuments = new LinkedHashMap<>();
    private final Map<Integer, ObjectNode> creditmemos = new LinkedHashMap<>();
    private int nextItemId = 1;
    private int nextCreditmemoItemId = 1;

    /** Records an order placed now (state new, status pending) and returns its entity_id. */
    synchronized int place(Website website, StoreView store, SalesOrder.OrderLine line, double quantity, String now) {
        int id = orders.size() + 1;
        SalesOrder order = new SalesOrder(id, nextItemId, website, store, line, quantity, now, now, SalesOrder.NEW,
                "pending");
        nextItemId += line.configurable() ? 2 : 1;
        save(order);
        return id;
    }

    /**
     * Cancels an open order (Order::cancel: state and status "canceled", items' qty_canceled set).
     *
     * @param giveBack receives what the order reserved, to compensate it, once the order is known to be open
     * @throws IllegalArgumentException for an unknown order
     * @throws IllegalStateException    for an order already canceled or refunded (Order::canCancel is false)
     */
    synchronized void cancel(int orderId, String now, Consumer<Reservation> giveBack) {
        SalesOrder order = open(orderId, "cancel");
        giveBack.accept(reservation(order));
        save(order.moved(SalesOrder.CANCELED, SalesOrder.CANCELED, now));
    }

    /**
     * Refunds the whole order: a credit memo (state refunded), the order closed (state and status "closed").
     *
     * @param giveBack receives what the order reserved, to return it to stock, once the order is known to be open
     * @return the credit memo's entity_id
     * @throws IllegalArgumentException for an unknown order
     * @throws IllegalStateException    for an order already canceled or refunded (Order::canCreditmemo is false)
     */
    synchronized int refund(int orderId, String now, Consumer<Reservation> giveBack) {
        SalesOrder order = open(orderId, "refund");
        giveBack.accept(reservation(order));
        int id = creditmemos.size() + 1;
        SalesOrder closed = order.moved(SalesOrder.CLOSED, SalesOrder.CLOSED, now);
        creditmemos.put(id, OrderDocuments.creditmemo(id, nextCreditmemoItemId, closed, now));
        nextCreditmemoItemId += order.line().configurable() ? 2 : 1;
        save(closed);
        return id;
    }

    /** The orders' documents in entity_id order; never changed afterwards. */
    synchronized List<ObjectNode> orders() {
        return new ArrayList<>(orderDocuments.values());
    }

    /** The credit memos' documents in entity_id order; never changed afterwards. */
    synchronized List<ObjectNode> creditmemos() {
        return new ArrayList<>(creditmemos.values());
    }

    private SalesOrder open(int orderId, String action) {
        SalesOrder order = orders.get(orderId);
        if (order == null) {
            throw new IllegalArgumentException("no order " + orderId);
        }
        if (!SalesOrder.NEW.equals(order.state())) {
            throw new IllegalStateException("cannot " + action + " order " + orderId + ": it is " + order.state());
        }
        return order;
    }

    private void save(SalesOrder order) {
        orders.put(order.id(), order);
        orderDocuments.put(order.id(), OrderDocuments.order(order));
    }

    private static Reservation reservation(SalesOrder order) {
        return new Reservation(order.website().stockId(), order.line().sku(), order.quantity());
    }
}
