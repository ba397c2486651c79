package org.magentokafka.storefront;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event's {@code prices}: {@code {currency, regular, final, special{price, from, to}, min, max}} from the
 * product's products-render-info item (or, without render-info, from its price and special-price dates).
 * <p>
 * Render-info's {@code price_info} is the price index's answer for guests: {@code final_price} with special prices
 * and catalog rules applied, {@code minimal_price}/{@code max_price} over a configurable's children, in the
 * currency asked for. Without it, {@code final} is the lower of {@code price} and a special price applying today
 * in the store view's time zone, {@code min}/{@code max} span the enabled children's finals of a configurable, and
 * the amounts are the product's own (the base currency: no conversion rate is readable over REST without it).
 */
final class PriceFields {

    private PriceFields() {
    }

    /** The prices, or null when the product is not in the website's price index (absent from render-info). */
    static Map<String, Object> of(Map<String, Object> product, StorefrontPage page) {
        return of(product, page, Map.of());
    }

    /**
     * @param pageById the page's own rows by entity id: without render-info a configurable's min/max come from its
     *                 children, and those on the page are not among the page's children rows
     */
    static Map<String, Object> of(Map<String, Object> product, StorefrontPage page, Map<Long, Map<String, Object>> pageById) {
        return of(product, page, pageById, page.renderInfo() == null ? PriceWindows.today(page.scope(), Clock.systemUTC()) : null);
    }

    /** @param today the store view's date (only read without render-info) */
    static Map<String, Object> of(Map<String, Object> product, StorefrontPage page, Map<Long, Map<String, Object>> pageById,
                                  LocalDate today) {
        SpecialPrice special = SpecialPrice.of(product);
        if (page.renderInfo() != null) {
            Map<String, Object> item = product.get("id") instanceof Number id ? page.renderInfo().get(id.longValue()) : null;
            return item == null ? null : fromRenderInfo(item, special, page.scope());
        }
        return fromDates(product, special, page, pageById, today);
    }

    private static Map<String, Object> fromRenderInfo(Map<String, Object> item, SpecialPrice special, StoreViewScope scope) {
        Map<?, ?> info = item.get("price_info") instanceof Map<?, ?> m ? m : Map.of();
        // The currency render-info answered in: the one asked for (the display currency) unless the store has no rate.
        Object currency = item.get("currency_code") != null ? item.get("currency_code") : scope.currency();
        return prices(currency, amount(info.get("regular_price")), amount(info.get("final_price")), special,
                amount(info.get("minimal_price")), amount(info.get("max_price")));
    }

    private static Map<String, Object> fromDates(Map<String, Object> product, SpecialPrice special, StorefrontPage page,
                                                 Map<Long, Map<String, Object>> pageById, LocalDate today) {
        Double regular = amount(product.get("price"));
        Double finalPrice = finalOn(regular, special, today);
        Double min = finalPrice;
        Double max = finalPrice;
        Double minRegular = null;
        boolean priced = false;
        for (Map<String, Object> child : enabledChildren(product, page, pageById)) {
            Double childRegular = amount(child.get("price"));
            Double childFinal = finalOn(childRegular, SpecialPrice.of(child), today);
            if (childFinal == null) {
                continue;
            }
            // A configurable's own price is not what it sells at: its children's are (as the price index does).
            min = priced ? Math.min(min, childFinal) : childFinal;
            max = priced ? Math.max(max, childFinal) : childFinal;
            minRegular = minRegular == null || childRegular < minRegular ? childRegular : minRegular;
            priced = true;
        }
        if (priced) {
            return prices(page.scope().currency(), minRegular, min, special, min, max);
        }
        return prices(page.scope().currency(), regular, finalPrice, special, min, max);
    }

    /** The enabled children of a configurable (its configurable_product_links), on the page or among its children rows. */
    private static List<Map<String, Object>> enabledChildren(Map<String, Object> product, StorefrontPage page,
                                                         Map<Long, Map<String, Object>> pageById) {
        if (!Variants.isConfigurable(product)) {
            return List.of();
        }
        return Variants.childIds(product).stream().map(id -> page.row(id, pageById))
                .filter(child -> child != null && ConfigurableSalable.enabled(child))
                .toList();
    }

    private static Double finalOn(Double regular, SpecialPrice special, LocalDate today) {
        if (special == null || !special.appliesOn(today)) {
            return regular;
        }
        return regular == null ? special.price() : Math.min(regular, special.price());
    }

    private static Map<String, Object> prices(Object currency, Double regular, Double finalPrice, SpecialPrice special,
                                              Double min, Double max) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("currency", currency);
        out.put("regular", regular);
        out.put("final", finalPrice);
        out.put("special", special == null ? null : special.toEvent());
        out.put("min", min);
        out.put("max", max);
        return out;
    }

    private static Double amount(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }
}
