package org.magentokafka.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * A REST route as declared in a module's webapi.xml: method, path after /V1 with {placeholders},
 * and the ACL resource guarding it.
 */
record Route(String method, List<String> pattern, String resource, Endpoint endpoint) {

    static Route get(String path, String resource, Endpoint endpoint) {
        return new Route("GET", List.of(path.split("/")), resource, endpoint);
    }

    static Route post(String path, String resource, Endpoint endpoint) {
        return new Route("POST", List.of(path.split("/")), resource, endpoint);
    }

    int placeholderCount() {
        return (int) pattern.stream().filter(Route::isPlaceholder).count();
    }

    /** The placeholder values when the segments fit this route, else null. */
    List<String> match(List<String> segments) {
        if (segments.size() != pattern.size()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            String part = pattern.get(i);
            if (isPlaceholder(part)) {
                if (segments.get(i).isEmpty()) {
                    return null;
                }
                values.add(segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return values;
    }

    private static boolean isPlaceholder(String part) {
        return part.startsWith("{") && part.endsWith("}");
    }
}
