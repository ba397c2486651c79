package org.magentokafka.enrich;

import java.util.EnumSet;
import java.util.Set;

/**
 * A part of a product event that an optional look-up adds: the store may refuse the look-up (a grant the
 * integration lacks) or not have it (a module switched off) while the product itself is readable. Such a part is
 * then published as unknown ({@code null}, and listed in the event's {@code unknown} with why) instead of holding
 * the page. The field name is the event's, and the {@code part} tag of {@code magento_enrichment_available}.
 */
public enum EventPart {
    /** Per-source {@code inventory} (source items, {@code Magento_InventoryApi::source}). */
    INVENTORY("inventory"),
    /** Option labels of {@code attributes} (attribute metadata, {@code Magento_Catalog::attributes_attributes}). */
    LABELS("labels"),
    /** {@code categories} with their paths (the category tree, {@code Magento_Catalog::categories}). */
    CATEGORIES("categories"),
    /** Which website the store view sells in: scoping its topic to that website's products. */
    WEBSITE("website"),
    DISPLAYABLE("displayable"),
    SALABLE("salable"),
    VARIANTS("variants"),
    PRICES("prices"),
    URLS("urls");

    /** What the storefront look-ups of a page ({@code magento:products}) add. */
    public static final Set<EventPart> STOREFRONT = EnumSet.of(WEBSITE, DISPLAYABLE, SALABLE, VARIANTS, PRICES, URLS);

    private final String field;

    EventPart(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }
}
