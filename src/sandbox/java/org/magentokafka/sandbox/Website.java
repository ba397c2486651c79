package org.magentokafka.sandbox;

import java.util.List;

/**
 * One website of the sandbox with its store group, base currency and the stock its sales channel is linked to
 * (magento/inventory: one stock per website, a stock aggregates sources).
 *
 * @param urlPath the path under the store URL its store views' base URLs use ("" for the main website)
 */
public record Website(int id, String code, String name, int defaultGroupId, String baseCurrency,
                      int stockId, String stockName, List<String> sources, String urlPath) {

    /** The admin website (id 0): listed by /V1/store/websites, sells nothing. */
    static final Website ADMIN = new Website(0, "admin", "Admin", 0, "USD", 0, "", List.of(), "");

    static final String BASE = "base";
    static final String EUROPE = "europe";

    /** Main Website; with a second website its stock keeps only the "default" source. */
    static Website base(boolean secondWebsite) {
        return new Website(1, BASE, "Main Website", 1, "USD", 1, "Default Stock",
                secondWebsite ? List.of("default") : List.of("default", "warehouse_eu"), "");
    }

    static Website europe() {
        return new Website(2, EUROPE, "Europe Website", 2, "EUR", 2, "Europe Stock", List.of("warehouse_eu"), "eu/");
    }
}
