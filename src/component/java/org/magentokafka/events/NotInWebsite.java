package org.magentokafka.events;

/**
 * A product of the page that is not assigned to the store view's website ({@code GET /rest/<store>/V1/products}
 * lists every website's products), carried through the route in place of its document: the change detector
 * publishes nothing for it, or a {@code deleted} event and a tombstone on that store view's topic when it was
 * published there before (it was removed from the website).
 */
public record NotInWebsite(String key) {

    /** Out of band: a record of its own type, so no field of the store's data can pass for it. */
    public static NotInWebsite marker(String key) {
        return new NotInWebsite(key);
    }
}
