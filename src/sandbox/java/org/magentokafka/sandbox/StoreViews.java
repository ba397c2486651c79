package org.magentokafka.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The store views of the sandbox, ids assigned in the order the codes were given (default first). */
final class StoreViews {

    private final Map<String, StoreView> byCode = new LinkedHashMap<>();

    StoreViews(List<String> codes) {
        int id = 1;
        for (String code : codes) {
            byCode.put(code, describe(id++, code));
        }
    }

    private static StoreView describe(int id, String code) {
        return switch (code) {
            case "default" -> new StoreView(id, code, "Default Store View", 1, 1, "en_US", "USD", "America/Chicago", "lbs");
            case "fr" -> new StoreView(id, code, "French Store View", 1, 1, "fr_FR", "EUR", "Europe/Paris", "kgs");
            case "de" -> new StoreView(id, code, "German Store View", 1, 1, "de_DE", "EUR", "Europe/Berlin", "kgs");
            default -> new StoreView(id, code, code.substring(0, 1).toUpperCase() + code.substring(1) + " Store View",
                    1, 1, "en_US", "USD", "America/Chicago", "lbs");
        };
    }

    /** The store answering /rest/V1/...: the first one, which is the website's default store. */
    StoreView defaultView() {
        return byCode.values().iterator().next();
    }

    Optional<StoreView> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Store views as /V1/store/storeViews lists them, admin first. */
    List<StoreView> withAdmin() {
        List<StoreView> all = new ArrayList<>();
        all.add(StoreView.ADMIN);
        all.addAll(byCode.values());
        return all;
    }

    List<StoreView> frontViews() {
        return List.copyOf(byCode.values());
    }

    Set<String> codes() {
        return byCode.keySet();
    }
}
