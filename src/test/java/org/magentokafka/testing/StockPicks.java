package org.magentokafka.testing;

import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.SandboxStorefront;

/** The stock a test acts on, picked from the simulator's catalog: "which product can I change, which can I sell out". */
public final class StockPicks {

    /** A configurable and its last salable child, after orders sold out its other children. */
    public record LastChild(String parent, String child) {
    }

    private StockPicks() {
    }

    /** Sells out every salable child of a configurable of the website but one (the configurable stays salable). */
    public static LastChild configurableWithOneSalableChild(SandboxStore store, String website) {
        SandboxStorefront storefront = store.catalog().storefront();
        ObjectNode configurable = store.catalog().products().stream()
                .filter(p -> "configurable".equals(p.get("type_id").asText()))
                .filter(p -> storefront.childSkus(p.get("sku").asText()).stream().filter(s -> storefront.isSalable(s, website)).count() >= 2)
                .findFirst().orElseThrow(() -> new AssertionError("no configurable with two salable children in " + website));
        List<String> salable = storefront.childSkus(configurable.get("sku").asText()).stream()
                .filter(s -> storefront.isSalable(s, website)).toList();
        salable.subList(1, salable.size()).forEach(s -> storefront.placeOrder(s, website, storefront.salableQuantity(s, website).orElseThrow()));
        return new LastChild(configurable.get("sku").asText(), salable.get(0));
    }

    /** An enabled source item with more than 2 units whose product is salable in the website and not excluded. */
    public static ObjectNode salableSourceItem(SandboxStore store, String website, Predicate<String> excludedSku) {
        SandboxStorefront storefront = store.catalog().storefront();
        return store.catalog().sourceItems().stream()
                .filter(i -> i.path("quantity").asDouble() > 2 && i.path("status").asInt() == 1)
                .filter(i -> !excludedSku.test(i.get("sku").asText()))
                .filter(i -> storefront.salableQuantity(i.get("sku").asText(), website).orElse(0.0) > 2)
                .findFirst().orElseThrow(() -> new AssertionError("no salable source item in " + website));
    }
}
