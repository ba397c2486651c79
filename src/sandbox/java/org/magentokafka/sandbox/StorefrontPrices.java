package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices as the price index of one store view's website holds them for guests (Magento_Catalog's
 * ProductRenderList): the special price applies on the days from special_from_date to special_to_date inclusive,
 * in the store's time zone, taken from the sandbox's clock so a test can move time; a configurable's prices are
 * the min/max over its enabled, salable children. A product the index does not hold is absent: disabled, not in
 * the website, or — with "display out of stock products" off — not salable.
 */
final class StorefrontPrices {

    /** Amounts in {@code currency}. */
    record Prices(double finalPrice, double minimalPrice, double maxPrice, double regularPrice,
                  double minimalRegularPrice, double maxRegularPrice, String currency) {
    }

    /** Directory rates from a base currency to a display currency (Stores > Currency Rates). */
    private static final Map<String, Double> RATES = Map.of("USD>EUR", 0.9, "EUR>USD", 1.1);

    private final StoreView view;
    private final Website website;
    private final SalableStock stock;
    private final Clock clock;
    private final boolean displayOutOfStock;

    StorefrontPrices(StoreView view, Website website, SalableStock stock, Clock clock, boolean displayOutOfStock) {
        this.view = view;
        this.website = website;
        this.stock = stock;
        this.clock = clock;
        this.displayOutOfStock = displayOutOfStock;
    }

    /** Whether render-info answers for the product in this store view. */
    boolean listed(ObjectNode product) {
        return product.path("status").asInt() == 1 && SalableStock.inWebsite(product, website)
               && (displayOutOfStock || stock.of(product).salable());
    }

    /** Whether the website's stock can sell it (render-info's is_salable). */
    boolean salable(ObjectNode product) {
        return stock.of(product).salable();
    }

    /** @param currency the requested currency; one without a rate from the base currency falls back to the base */
    Optional<Prices> render(ObjectNode product, String currency) {
        if (!listed(product)) {
            return Optional.empty();
        }
        String answered = currency(currency);
        double rate = answered.equals(website.baseCurrency()) ? 1 : RATES.get(website.baseCurrency() + ">" + answered);
        LocalDate today = clock.instant().atZone(ZoneId.of(view.timezone())).toLocalDate();
        List<ObjectNode> priced = new ArrayList<>();
        if (SalableStock.isConfigurable(product)) {
            List<ObjectNode> children = stock.enabledChildren(product);
            children.stream().filter(c -> stock.of(c).salable()).forEach(priced::add);
            if (priced.isEmpty()) {
                priced.addAll(children);
            }
        }
        if (priced.isEmpty()) {
            priced.add(product);
        }
        double min = Double.MAX_VALUE, max = 0, minRegular = Double.MAX_VALUE, maxRegular = 0;
        for (ObjectNode p : priced) {
            double regular = p.path("price").asDouble();
            double finalPrice = finalPrice(p, regular, today);
            min = Math.min(min, finalPrice);
            max = Math.max(max, finalPrice);
            minRegular = Math.min(minRegular, regular);
            maxRegular = Math.max(maxRegular, regular);
        }
        return Optional.of(new Prices(money(min * rate), money(min * rate), money(max * rate), money(minRegular * rate),
                money(minRegular * rate), money(maxRegular * rate), answered));
    }

    /** The currency render-info answers in: the requested one when the store has a rate for it, else the base. */
    String currency(String requested) {
        if (requested != null && (requested.equals(website.baseCurrency())
                                  || RATES.containsKey(website.baseCurrency() + ">" + requested))) {
            return requested;
        }
        return website.baseCurrency();
    }

    private static double finalPrice(ObjectNode product, double regular, LocalDate today) {
        String special = SandboxStorefront.customAttribute(product, "special_price");
        if (special == null || special.isBlank()) {
            return regular;
        }
        String from = SandboxStorefront.customAttribute(product, "special_from_date");
        String to = SandboxStorefront.customAttribute(product, "special_to_date");
        if (from != null && !from.isBlank() && today.isBefore(LocalDate.parse(from.substring(0, 10)))) {
            return regular;
        }
        if (to != null && !to.isBlank() && today.isAfter(LocalDate.parse(to.substring(0, 10)))) {
            return regular;
        }
        return Math.min(regular, Double.parseDouble(special));
    }

    private static double money(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
