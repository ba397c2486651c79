package org.magentokafka.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.magentokafka.change.StateStore;
import org.magentokafka.change.Watermark;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.storefront.SalesFeed;

/**
 * One feed of sales documents whose items move stock through reservations ({@code /V1/orders} placed, cancelled or
 * changed; {@code /V1/creditmemos}, returns): the rows changed since the watermark minus the overlap (a save may
 * commit after its {@code updated_at}), read page by page with Magento's {@code fields=} projection, so the store
 * answers each row's id, date and item SKUs and nothing else: no customer field is ever asked for. A row already
 * turned into signals (same id and date) within the window read again is not asked for again, except once more
 * when it was first seen before its second had settled. The watermark moves
 * only once the products asked for were published ({@link #commit}), so a crash in between reads them again.
 */
final class ChangedOrders {

    /** Pages one poll reads at most: a backlog (after a long outage) is read over several polls. */
    static final int MAX_PAGES = 10;

    private final String resource;
    private final StateStore state;
    private final Duration overlap;
    private final int pageSize;
    /** entity_id@updated_at of the rows already turned into signals, with their date, within the window read again. */
    private final Map<String, String> recent = new HashMap<>();
    /**
     * Rows first seen within their own second (or the slack after it): the order's reservations may commit just
     * after the order row, so such a row asks for its products once more when it is seen settled.
     */
    private final Set<String> unsettled = new HashSet<>();
    private final Duration slack;
    /** The newest date read whose products are not published yet, and those products. */
    private String pendingWatermark;
    private final Set<String> pendingSkus = new HashSet<>();

    /** @param slack how long after its second a row's transaction may still be committing (the watermark slack) */
    ChangedOrders(String resource, StateStore state, Duration overlap, Duration slack, int pageSize) {
        this.resource = resource;
        this.slack = slack;
        this.state = state;
        this.overlap = overlap;
        this.pageSize = pageSize;
    }

    String resource() {
        return resource;
    }

    /**
     * Reads the rows changed since the watermark, at most {@link #MAX_PAGES} pages a poll; returns the SKUs of their
     * items not asked for before. What it saw counts only once the whole read succeeded: a page that fails leaves
     * every row of the read to the next poll.
     */
    Set<String> read(MagentoClient client, Instant now) {
        String watermark = state.watermark();
        // Never read before: from one overlap ago (the stock index and the salable scan cover what came before).
        String from = watermark == null ? Watermark.of(now.minus(overlap)) : Watermark.lowerBound(watermark, overlap);
        // The id after the date: rows of one second keep one order from page to page.
        SearchCriteria criteria = SearchCriteria.paged(pageSize)
                .withFilterGroup(new SearchCriteria.Filter("updated_at", from, "gteq"))
                .sortedBy("updated_at", "ASC").sortedBy("entity_id", "ASC");
        Map<String, String> seen = new HashMap<>();
        Map<String, List<?>> itemsOf = new HashMap<>();
        String newest = null;
        boolean capped = false;
        for (int number = 1; ; number++) {
            Page page = client.fetchPage(resource, criteria.withPage(number), SalesFeed.FIELDS);
            for (Map<String, Object> row : page.items()) {
                String updated = Watermark.normalize(String.valueOf(row.get("updated_at")));
                if (updated == null) {
                    continue; // a row without a date cannot move the window; its items are read with the next dated one
                }
                newest = Watermark.max(newest, updated);
                String key = row.get("entity_id") + "@" + updated;
                seen.put(key, updated);
                if (row.get("items") instanceof List<?> items) {
                    itemsOf.put(key, items);
                }
            }
            // Past the last page Magento answers the last page again: a short page, or the count reached, ends it.
            if (page.items().size() < pageSize || (long) number * pageSize >= page.totalCount()) {
                break;
            }
            if (number == MAX_PAGES) {
                capped = true; // the rest next poll: the products are not held back by a backlog of orders
                break;
            }
        }
        Set<String> skus = new LinkedHashSet<>();
        String settledBefore = Watermark.of(now.minus(slack));
        seen.forEach((key, updated) -> {
            boolean settled = updated.compareTo(settledBefore) < 0;
            boolean first = recent.putIfAbsent(key, updated) == null;
            if (first && !settled) {
                unsettled.add(key);
            }
            boolean again = !first && settled && unsettled.remove(key);
            if (first || again) {
                for (Object item : itemsOf.getOrDefault(key, List.of())) {
                    if (item instanceof Map<?, ?> line && line.get("sku") instanceof String sku && !sku.isEmpty()) {
                        skus.add(sku);
                    }
                }
            }
        });
        // Dates in Magento's format compare as text: what is older than this window is never read again.
        recent.entrySet().removeIf(e -> {
            boolean old = e.getValue().compareTo(from) < 0;
            if (old) {
                unsettled.remove(e.getKey());
            }
            return old;
        });
        String certain = newest == null ? (watermark == null ? from : null) : Watermark.certain(newest, now, null, overlap);
        // A capped read goes on from its last date; the overlap before it reads that second again.
        pendingWatermark = Watermark.max(pendingWatermark, capped ? newest : certain);
        pendingSkus.addAll(skus);
        return skus;
    }

    /** The products asked for so far, until they are published. */
    Set<String> pendingSkus() {
        return pendingSkus;
    }

    /** Every product asked for was published: the watermark moves to the newest date read. */
    void commit() {
        if (pendingWatermark != null) {
            state.commitWatermark(Watermark.max(state.watermark(), pendingWatermark));
        }
        pendingWatermark = null;
        pendingSkus.clear();
    }
}
