package org.magentokafka.storefront;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.PageBounds;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.WholeList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the store's child &rarr; parents index ({@link ParentIndex}) when the products stream starts: the
 * stream resumes from its watermark and does not read the configurables again, yet a child changed after a
 * restart must still carry {@code parent_skus} and ask for its parents. One listing of the configurables with the
 * smallest answers Magento gives ({@code type_id eq configurable}, only id, SKU and links), paged by the scan page
 * size; 100,000 configurables are 334 requests. Built aside and swapped in at once.
 */
public final class ParentLinksListing {

    private static final Logger LOG = LoggerFactory.getLogger(ParentLinksListing.class);
    static final String FIELDS = "items[id,sku,type_id,extension_attributes[configurable_product_links]],total_count";

    private ParentLinksListing() {
    }

    /** Lists every configurable through this client and replaces the index's content with their links. */
    public static void rebuild(MagentoClient client, int pageSize, ParentIndex index) {
        ParentIndex rebuilt = new ParentIndex();
        SearchCriteria list = SearchCriteria.paged(pageSize)
                .withFilterGroup(new SearchCriteria.Filter("type_id", "configurable", "eq"))
                .sortedBy("entity_id", "ASC");
        PageBounds bounds = WholeList.read(pageSize, number -> client.fetchPage("/V1/products", list.withPage(number), FIELDS),
                ParentLinksListing::skusOf, page -> rebuilt.update(page.items()));
        if (!bounds.consistent()) {
            // Still the best knowledge there is: pages with configurables complete it as they come.
            LOG.warn("magento:products listing of configurables GET {} answered an inconsistent list: {}. Using the {}"
                     + " configurables it showed for parent_skus", client.address().path("/V1/products"),
                    bounds.problem().detail(), rebuilt.parentCount());
        }
        index.replaceWith(rebuilt);
        LOG.debug("magento:products child -> parents index rebuilt: {} configurables", rebuilt.parentCount());
    }

    private static List<String> skusOf(Page page) {
        List<String> keys = new ArrayList<>(page.items().size());
        for (Map<String, Object> row : page.items()) {
            keys.add(row.get("sku") == null ? null : row.get("sku").toString());
        }
        return keys;
    }
}
