package org.magentokafka.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a request path points: which store scope and which service path. Mirrors
 * Magento\Webapi\Controller\PathProcessor: the segment after /rest/ is a store code only if such a
 * store exists (or it is "all"); otherwise it stays in the path, which then matches no route.
 *
 * @param storeCode null when the path named no store (the default store view answers)
 * @param segments  service path segments after "V1", each percent-decoded on its own so an
 *                  encoded "/" (%2F) stays inside its segment
 */
record RestPath(String storeCode, boolean allStores, List<String> segments) {

    static final String ALL_STORES = "all";

    /** Empty when the path is outside the REST area (the storefront would answer it). */
    static Optional<RestPath> parse(String rawPath, Set<String> storeCodes) {
        String path = rawPath;
        if (path.startsWith("/index.php/")) {
            path = path.substring("/index.php".length());
        }
        if (!path.startsWith("/rest/")) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(Arrays.asList(path.substring("/rest/".length()).split("/", -1)));
        parts.removeIf(String::isEmpty);
        String storeCode = null;
        boolean all = false;
        if (!parts.isEmpty()) {
            String candidate = decode(parts.get(0));
            if (storeCodes.contains(candidate)) {
                storeCode = candidate;
                parts.remove(0);
            } else if (ALL_STORES.equals(candidate)) {
                all = true;
                parts.remove(0);
            }
        }
        List<String> decoded = parts.stream().map(RestPath::decode).toList();
        return Optional.of(new RestPath(storeCode, all, decoded));
    }

    /** Percent-decoding only: in a path "+" is a literal plus (SKUs such as "A+B-01"). */
    static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
