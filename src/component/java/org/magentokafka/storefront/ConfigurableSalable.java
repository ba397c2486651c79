package org.magentokafka.storefront;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A configurable's salable state is its children's: Magento answers quantity 0 for the configurable itself (it has
 * no source items), so the event reports the summed salable quantity of its enabled children (status 1 in the
 * store view) and calls it salable when one of them is. A disabled child's stock is not for sale through it.
 * Pure: the rows and answers in, the states out.
 */
final class ConfigurableSalable {

    private ConfigurableSalable() {
    }

    /**
     * The states with every configurable's replaced by its enabled children's (when at least one child row is
     * known; else Magento's own answer for the configurable stays).
     *
     * @param rows    the page's rows and the children rows
     * @param bySku   the states read for those SKUs (modified and returned)
     * @param stockId the stock they were read from (null in the source-item fallback)
     */
    static Map<String, SalableState> applied(List<Map<String, Object>> rows, Map<String, SalableState> bySku, Integer stockId) {
        Map<Long, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> row : rows) {
            if (row != null && row.get("id") instanceof Number id) {
                byId.put(id.longValue(), row);
            }
        }
        for (Map<String, Object> row : rows) {
            if (row != null && Variants.isConfigurable(row) && row.get("sku") != null) {
                List<Map<String, Object>> children = new ArrayList<>();
                for (long id : Variants.childIds(row)) {
                    Map<String, Object> child = byId.get(id);
                    if (child != null) {
                        children.add(child);
                    }
                }
                if (!children.isEmpty()) {
                    bySku.put(row.get("sku").toString(), of(children, bySku, stockId));
                }
            }
        }
        return bySku;
    }

    /** The state of a configurable with these child rows. */
    static SalableState of(List<Map<String, Object>> children, Map<String, SalableState> bySku, Integer stockId) {
        double quantity = 0;
        boolean salable = false;
        for (Map<String, Object> child : children) {
            if (!enabled(child) || child.get("sku") == null) {
                continue;
            }
            SalableState state = bySku.get(child.get("sku").toString());
            if (state != null) {
                quantity += state.quantity();
                salable |= state.isSalable();
            }
        }
        return new SalableState(quantity, salable, stockId);
    }

    /** Status 1 (enabled) in the store view the row was read in; numbers or numeric text. */
    static boolean enabled(Map<String, Object> row) {
        return "1".equals(String.valueOf(row.get("status")).strip());
    }
}
