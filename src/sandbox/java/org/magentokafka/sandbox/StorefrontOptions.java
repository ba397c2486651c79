package org.magentokafka.sandbox;

/**
 * What the store sells beyond the plain catalog (the storefront data: websites, salable stock, configurables, prices). {@link #defaults()} keeps the
 * generated catalog exactly as before: one website, configurables without children, no special prices, while the
 * storefront endpoints (websites, stock resolver, salable quantities, products-render-info) answer over it.
 *
 * @param secondWebsite     a website "europe" (EUR, store view "eu", stock 2 on source warehouse_eu) beside
 *                          "base"; products are assigned to one website or both
 * @param configurables     the generated configurables get option metadata and simple children (color, size),
 *                          some simples get special prices with date windows; adds the "size" attribute
 * @param inventoryModules  false: a store without Magento_InventorySales/InventoryExportStock, whose
 *                          stock-resolver and export-stock-salable-qty routes answer 404 "Request does not match any route."
 * @param renderInfo        false: GET /V1/products-render-info answers 404 the same way
 * @param storeRoutes       false: GET /V1/store/storeConfigs, /V1/store/websites and /V1/store/storeViews answer 404
 *                          the same way, for testing a client that must do without store configs and websites
 * @param displayOutOfStock cataloginventory/options/show_out_of_stock; off (Magento's default) keeps products that
 *                          are not salable out of products-render-info, as the price index does
 */
public record StorefrontOptions(boolean secondWebsite, boolean configurables, boolean inventoryModules,
                                boolean renderInfo, boolean storeRoutes, boolean displayOutOfStock) {

    /** The catalog as before; the new endpoints answer over it. */
    public static StorefrontOptions defaults() {
        return new StorefrontOptions(false, false, true, true, true, false);
    }

    /** Two websites, configurables with children, special prices: what the storefront tests use. */
    public static StorefrontOptions full() {
        return new StorefrontOptions(true, true, true, true, true, false);
    }

    public StorefrontOptions withSecondWebsite(boolean on) {
        return new StorefrontOptions(on, configurables, inventoryModules, renderInfo, storeRoutes, displayOutOfStock);
    }

    public StorefrontOptions withConfigurables(boolean on) {
        return new StorefrontOptions(secondWebsite, on, inventoryModules, renderInfo, storeRoutes, displayOutOfStock);
    }

    public StorefrontOptions withInventoryModules(boolean on) {
        return new StorefrontOptions(secondWebsite, configurables, on, renderInfo, storeRoutes, displayOutOfStock);
    }

    public StorefrontOptions withRenderInfo(boolean on) {
        return new StorefrontOptions(secondWebsite, configurables, inventoryModules, on, storeRoutes, displayOutOfStock);
    }

    public StorefrontOptions withStoreRoutes(boolean on) {
        return new StorefrontOptions(secondWebsite, configurables, inventoryModules, renderInfo, on, displayOutOfStock);
    }

    public StorefrontOptions withDisplayOutOfStock(boolean on) {
        return new StorefrontOptions(secondWebsite, configurables, inventoryModules, renderInfo, storeRoutes, on);
    }
}
