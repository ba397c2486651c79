package org.magentokafka.paging;

import java.util.Locale;

/**
 * How a full pass walks a collection. Page numbers ({@code currentPage=n}) let every page be fetched in parallel
 * once page 1 gave {@code total_count}, but MySQL reads and discards the OFFSET rows of every deep page, and rows
 * inserted or deleted during the pass shift the pages (magento2 #25001; the connector then re-reads the window).
 * Keyset paging asks for {@code id > last seen} sorted by id, always page 1: no OFFSET, no shifting. The connector
 * splits the id range into one sub-range per concurrent request so keyset keeps the store as busy as page numbers.
 */
public enum Paging {
    PAGE_NUMBER("page-number"),
    KEYSET("keyset");

    private final String wireName;

    Paging(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the property, the value and the choices */
    public static Paging parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Paging p : values()) {
            if (p.wireName.equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("magento.paging='" + value + "' is not a paging mode: use page-number"
                                           + " (parallel pages, the default) or keyset (id > last seen; for large catalogs that change during a sync)");
    }
}
