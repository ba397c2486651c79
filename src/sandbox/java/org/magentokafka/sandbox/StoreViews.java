package org.magentokafka.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The store views of the sandbox, ids assigned in the order the codes were given (default first). */
final class StoreViews {

    /** The store code of the second website's store view (see {@link StorefrontOptions#secondWebsite()}). */
    static final String EUROPE_VIEW = "eu";

    private final Map<String, StoreView> byCode = new LinkedHashMap<>();
    private final List<Website> websites = new ArrayList<>();

    StoreViews(List<String> codes) {
        this(codes, false);
    }

    /** With a second website, its store view "eu" (EUR, German locale) comes after the given ones. */
    StoreViews(List<String> codes, boolean secondWebsite) {
        int id = 1;
        for (String code : codes) {
            byCode.put(code, describe(id++, code));
        }
        websites.add(Website.base(secondWebsite));
        if (secondWebsite) {
            if (byCode.containsKey(EUROPE_VIEW)) {
                throw new IllegalArgumentException("store code '" + EUROPE_VIEW + "' is the second website's view");
            }
            byCode.put(EUROPE_VIEW, new StoreView(id, EUROPE_VIEW, "Europe Store View", 2, 2, "de_DE", "EUR",
                    "Europe/Berlin", "kgs"));
            websites.add(Website.europe());
        }
    }

    /** The websites that sell (admin not included), by id. */
    List<Website> websites() {
        return List.copyOf(websites);
    }

    Optional<Website> website(int id) {
        return websites.stream().filter(w -> w.id() == id).findFirst();
    }

    Optional<Website> websiteByCode(String code) {
        return websites.stream().filter(w -> w.code().equals(code)).findFirst();
    }

    /** The website a store view belongs to. */
    Website websiteOf(StoreView view) {
        return website(view.websiteId()).orElseThrow();
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

    /** A website's default store view (its first): the store_id of the website's orders. */
    StoreView defaultViewOf(Website website) {
        return byCode.values().stream().filter(v -> v.websiteId() == website.id()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no store view in website " + website.code()));
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
