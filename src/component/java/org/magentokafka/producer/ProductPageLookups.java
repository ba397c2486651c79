package org.magentokafka.producer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.CategoryPaths;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.PageLookup;
import org.magentokafka.enrich.PageLookups;
import org.magentokafka.enrich.Unavailable;
import org.magentokafka.enrich.UnknownParts;
import org.magentokafka.storefront.ParentIndex;
import org.magentokafka.storefront.ParentLinksListing;
import org.magentokafka.storefront.StorefrontPage;
import org.magentokafka.stream.MagentoStream;

/**
 * The look-ups of a page of products, one {@link PageLookup} each, none started: what the products consumer attaches
 * to each page ({@link #of}) and what each {@code magento:} look-up asks when called ({@link SourceItemsProducer},
 * {@link AttributesProducer}, {@link CategoriesProducer}, {@link StorefrontProducer}), so both send the same
 * requests. What a look-up tells about the store's optional parts is observed when the route takes it.
 */
public final class ProductPageLookups {

    private final LookupContext context;
    private final GuestNotice stockNotice = new GuestNotice(MagentoStream.SOURCE_ITEMS, "inventory null (unknown)");
    private final GuestNotice labelsNotice = new GuestNotice(MagentoStream.PRODUCT_ATTRIBUTES, "no option labels");

    public ProductPageLookups(LookupContext context) {
        this.context = context;
    }

    /**
     * A page's look-ups: the stock in the endpoint's first store view (source items are the same in every view), the
     * others in the page's store view.
     *
     * @param client   the client the page was read with
     * @param store    the page's store view
     * @param products the page's product rows
     * @param beside   where the storefront look-ups ask salable quantities while render-info is asked
     *                 ({@code Runnable::run}: one after the other)
     */
    public PageLookups of(MagentoClient client, String store, List<Map<String, Object>> products, Executor beside) {
        String stockStore = context.storeCodes().get(0);
        return new PageLookups(stock(context.client(stockStore), stockStore, SourceItemsProducer.skusOf(products)),
                attributes(client, store), categories(client, store), storefront(client, store, products, beside));
    }

    /**
     * The source items of these SKUs; {@link UnknownParts} (inventory unknown, with why) when the integration lacks
     * the sources grant, the store has no inventory modules or the caller is a guest: the products are then
     * published without per-source stock.
     */
    public PageLookup<Object> stock(MagentoClient client, String store, Set<String> skus) {
        if (context.guest()) {
            return PageLookup.of(() -> {
                stockNotice.say();
                return UnknownParts.of(EventPart.INVENTORY, Unavailable.NOT_FOR_GUESTS);
            });
        }
        return PageLookup.of(() -> stockOf(client, skus), answer -> {
            context.observed(store, Set.of(EventPart.INVENTORY), answer instanceof UnknownParts unknown ? unknown : UnknownParts.NONE);
            return answer;
        });
    }

    private static Object stockOf(MagentoClient client, Set<String> skus) {
        try {
            return SourceItemsProducer.sourceItemsOf(client, skus);
        } catch (MagentoException e) {
            return UnknownParts.of(EventPart.INVENTORY, Unavailable.orThrow(e, MagentoStream.SOURCE_ITEMS.aclResource(),
                    MagentoStream.SOURCE_ITEMS.resource()));
        }
    }

    /** The store view's attribute metadata (cached); for a guest, none (never served to guests). */
    public PageLookup<AttributeCatalog> attributes(MagentoClient client, String store) {
        if (context.guest()) {
            return PageLookup.of(() -> {
                labelsNotice.say();
                return AttributeCatalog.unknown(Unavailable.NOT_FOR_GUESTS);
            });
        }
        return PageLookup.of(() -> AttributesProducer.attributes(context, client), attributes -> {
            context.observed(store, Set.of(EventPart.LABELS), attributes.unknownParts());
            return attributes;
        });
    }

    /** The store view's category tree (cached). */
    public PageLookup<CategoryPaths> categories(MagentoClient client, String store) {
        return PageLookup.of(() -> CategoriesProducer.categories(context, client), categories -> {
            context.observed(store, Set.of(EventPart.CATEGORIES), categories.unknownParts());
            return categories;
        });
    }

    /**
     * The page's storefront look-ups in its store view (children, salable quantities, render-info; the store view's
     * website, stock and URLs cached with the metadata). Taken by the route in page order, not on the fetchers: the
     * child &rarr; parents index must have seen every earlier page's links.
     */
    public PageLookup<StorefrontPage> storefront(MagentoClient client, String store, List<Map<String, Object>> products,
                                                 Executor beside) {
        return PageLookup.of(() -> context.storefrontLookups().of(client, products, beside), looked -> {
            context.store().storefrontAsked(client.address().storeCode());
            // Listed before the first page's look-up: the stream resumes from its watermark and does not re-read parents.
            ParentIndex parents = context.store().listedParents(index -> ParentLinksListing.rebuild(client,
                    context.getConfiguration().getScanPageSize(), index));
            StorefrontPage page = withParents(looked, products, parents);
            context.observed(store, EventPart.STOREFRONT, page.unknown());
            return page;
        });
    }

    /** The page's configurables keep the child → parents index current; its children get their parents' SKUs. */
    private static StorefrontPage withParents(StorefrontPage page, List<Map<String, Object>> rows, ParentIndex index) {
        index.update(rows);
        Map<String, List<String>> parents = new HashMap<>();
        for (Map<String, Object> row : rows) {
            if (row.get("id") instanceof Number id && row.get("sku") != null) {
                List<String> skus = index.parentsOf(id.longValue());
                if (!skus.isEmpty()) {
                    parents.put(row.get("sku").toString(), skus);
                }
            }
        }
        return new StorefrontPage(page.scope(), page.children(), page.salable(), page.renderInfo(), parents, page.unknown());
    }
}
