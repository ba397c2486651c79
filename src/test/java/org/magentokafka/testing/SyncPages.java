package org.magentokafka.testing;

import java.util.List;
import java.util.function.Predicate;

import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxStore;

/**
 * Which of the simulator's logged requests are pages of a stream's sync: the pages a pass reads of the collection
 * itself (full by page number or keyset, or incremental), as opposed to what else asks the same resource.
 */
public final class SyncPages {

    /**
     * A page of the sync: a list request with a page size, and not
     * <ul>
     * <li>a one-item request (the connection check, the optional parts' probe, the keyset's highest id),</li>
     * <li>a keys-only listing ({@code fields=items[...]}: the reconcile sweep, the price pass, the configurables
     * listed for the child &rarr; parents index),</li>
     * <li>a look-up by key: a page's children ({@code entity_id in}), SKUs read again or confirmed before a delete
     * ({@code sku in}, or {@code sku eq} for a SKU holding a list separator), the configurables
     * ({@code type_id eq}).</li>
     * </ul>
     */
    public static final Predicate<LoggedRequest> A_PAGE_OF_THE_SYNC = SyncPages::isPageOfTheSync;

    private SyncPages() {
    }

    public static boolean isPageOfTheSync(LoggedRequest request) {
        String pageSize = request.query().get("searchCriteria[pageSize]");
        return pageSize != null && !"1".equals(pageSize) && !request.query().containsKey("fields")
               && !request.filters("entity_id", "in") && !request.filters("sku", "in") && !request.filters("sku", "eq")
               && !request.filters("type_id", "eq");
    }

    /** The pages of the sync the store was asked for on {@code path} (e.g. "/V1/products"), in the order asked. */
    public static List<LoggedRequest> of(SandboxStore store, String path) {
        return store.requests().matching(path).stream().filter(A_PAGE_OF_THE_SYNC).toList();
    }

    /** The page number a page of the sync asked for (1 when the request names none). */
    public static int pageNumber(LoggedRequest page) {
        return Integer.parseInt(page.query().getOrDefault("searchCriteria[currentPage]", "1"));
    }
}
