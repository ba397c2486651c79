package org.magentokafka.storefront;

import java.util.List;
import java.util.Map;

import org.magentokafka.client.MagentoClient;

/**
 * The storefront look-ups of one page of products in one store view, at most four requests whatever the page
 * holds (children, salable quantities, render-info; a second children page only when a page's children exceed
 * the page size): see issue 14's cost rule. The store view's {@link StoreViewScope} is cached metadata.
 */
public final class StorefrontLookup {

    private StorefrontLookup() {
    }

    /**
     * @param client   the store view's client ({@code /rest/<store>/V1/...})
     * @param scope    the store view's website, stock, currency and base URLs
     * @param products the page's product rows
     * @param guest    true with magento.auth.mode=none: salable quantities are never served to guests
     */
    public static StorefrontPage of(MagentoClient client, StoreViewScope scope, List<Map<String, Object>> products,
                                    boolean guest) {
        Map<Long, Map<String, Object>> children = ChildRows.of(client, products);
        Map<String, SalableState> salable = guest ? null : SalableQuantities.of(client, scope, products, children);
        Map<Long, Map<String, Object>> renderInfo = RenderInfo.of(client, scope, products, children);
        return new StorefrontPage(scope, children, salable, renderInfo, Map.of());
    }
}
