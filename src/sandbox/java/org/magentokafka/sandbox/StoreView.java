package org.magentokafka.sandbox;

/** One store view of the sandbox, in one of its websites. */
record StoreView(int id, String code, String name, int websiteId, int storeGroupId,
                        String locale, String currency, String timezone, String weightUnit) {

    /** The admin store (id 0): listed by /V1/store/storeViews but not addressable in a path. */
    static final StoreView ADMIN = new StoreView(0, "admin", "Admin", 0, 0, "en_US", "USD", "UTC", "lbs");
}
