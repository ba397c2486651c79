package org.magentokafka.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.stream.MagentoStream;

/**
 * Asks each stream's endpoint for one item ({@code pageSize=1}) and says what the store answered, in the words of
 * the merchant guides: OK, EMPTY, ACL MISSING (with the resource), NOT FOUND, HTML/WAF, UNREACHABLE. These are the
 * core streams' lines (categories, attributes and source items included: their look-ups for product events are
 * those streams' own endpoints). The products stream adds the lines of its optional parts ({@link StorefrontProbe}),
 * which never fail the check: a store works with any grants.
 */
public final class ConnectionProbe {

    /**
     * One line of the check.
     *
     * @param core a core stream's line: not ok fails the check. Otherwise an optional part of product events
     *             ({@link StorefrontProbe}): events go out without it, so not ok only says what it would add
     * @param rows the collection's size as page 1 stated it ({@code total_count}), or -1 when unknown or not credible
     */
    public record Result(String stream, String endpoint, boolean core, boolean ok, String outcome, long rows) {

        /** A core stream's line without a size. */
        public Result(String stream, String endpoint, boolean ok, String outcome) {
            this(stream, endpoint, true, ok, outcome, -1);
        }

        /** An optional part's line: never fails the check. */
        static Result optional(String part, String endpoint, boolean ok, String outcome) {
            return new Result(part, endpoint, false, ok, outcome, -1);
        }

        /** Only a core stream that does not work fails the check (exit 1) and the readiness. */
        public boolean fails() {
            return core && !ok;
        }
    }

    private ConnectionProbe() {
    }

    /**
     * @param stockSignals also ask what brings stock in seconds ({@link StockSignalsProbe}): the stock index answers
     *                     a whole website, so the one-shot check and the start-up table ask it, the readiness's
     *                     periodic probe does not
     */
    public static List<Result> probe(CamelContext camel, List<String> streams, boolean stockSignals) {
        Map<String, Result> results = new LinkedHashMap<>();
        for (String name : streams) {
            MagentoStream stream = MagentoStream.fromUri(name);
            ProbedStream endpoint = (ProbedStream) camel.getEndpoint("magento:" + name);
            String store = endpoint.storeCodes().get(0);
            String path = "?";
            try {
                endpoint.start();
                MagentoClient client = endpoint.client(store);
                path = client.address().path(stream.resource());
                Page page = client.fetchPage(stream.resource(), SearchCriteria.paged(1));
                boolean guest = guest(endpoint);
                long rows = page.totalCount() < page.items().size() ? -1 : page.totalCount();
                results.put(name, new Result(name, path, true, true, answered(page, guest), rows));
            } catch (MagentoException e) {
                results.put(name, new Result(name, path, false, guest(endpoint) && e.status() == 401
                        ? refusedToGuests(stream) : classify(stream, e)));
            } catch (RuntimeException e) {
                results.put(name, new Result(name, path, false, "CONFIGURATION: " + e.getMessage()));
            }
            if (stream == MagentoStream.PRODUCTS && results.get(name).ok()) {
                // The storefront look-ups of product events, optional parts (events go out without them): their
                // grants and modules, said apart from the core streams.
                StorefrontProbe storefront = StorefrontProbe.probe(endpoint.client(store), store, guest(endpoint));
                storefront.results().forEach(r -> results.put(r.stream(), r));
                if (stockSignals) {
                    // What finds stock changes in seconds rather than a scan cycle: the stock index and order signals.
                    StockSignalsProbe.probe(endpoint, endpoint.client(store), storefront.websiteCode())
                            .forEach(r -> results.put(r.stream(), r));
                }
            }
        }
        return List.copyOf(results.values());
    }

    /**
     * What page 1 says about the collection. A total_count the page itself contradicts (negative, or fewer than the
     * items shown) is named rather than printed as a size: the connection works, but passes over this collection
     * will end early on what the items show (PageBounds).
     */
    static String answered(Page page, boolean guest) {
        int shown = page.items().size();
        if (page.totalCount() < shown) {
            return "OK, BUT INCONSISTENT (total_count " + page.totalCount() + " with " + shown + " items on page 1:"
                   + " passes end on what the items show; see docs/operations.md, Troubleshooting)";
        }
        if (page.totalCount() == 0) {
            return "EMPTY (no items visible to this " + (guest ? "guest" : "integration") + ")";
        }
        return "OK (" + page.totalCount() + " items" + (guest ? ", served to guests" : "") + ")";
    }

    private static boolean guest(ProbedStream endpoint) {
        return endpoint.guest();
    }

    /** magento.auth.mode=none and the store answered 401: what the merchant can change, per stream. */
    static String refusedToGuests(MagentoStream stream) {
        if (stream.openToGuests()) {
            return "NOT SERVED TO GUESTS: set Allow Anonymous Guest Access = Yes (Stores > Configuration > Services >"
                   + " Magento Web API > Web API Security), or use an integration granted " + stream.aclResource()
                   + " (magento.auth.mode=oauth1)";
        }
        return "NEVER SERVED TO GUESTS (Magento requires " + stream.aclResource() + "): use an integration granted "
               + stream.aclResource() + " (magento.auth.mode=oauth1), or set magento.streams." + stream.uriName()
               + ".enabled=false";
    }

    static String classify(MagentoStream stream, MagentoException e) {
        String m = e.getMessage();
        if (m.contains("returned HTML") && e.status() != 404) {
            return "HTML/WAF (status " + e.status() + "): a WAF, proxy or maintenance page answered";
        }
        return switch (e.status()) {
            case 0 -> m.contains("could not connect") ? "UNREACHABLE: check magento.base-url and the network" : "FAILED: " + m;
            case 401 -> m.contains("isn't authorized")
                    ? "ACL MISSING (" + stream.aclResource() + ") or credentials refused: grant " + stream.aclResource()
                      + " to the integration, or fix magento.auth.*"
                    : "UNAUTHORIZED: " + m;
            case 404 -> "NOT FOUND: check magento.base-url and magento.rest-path (/index.php/rest without URL rewrites)";
            default -> "FAILED (" + e.status() + "): " + m;
        };
    }
}
