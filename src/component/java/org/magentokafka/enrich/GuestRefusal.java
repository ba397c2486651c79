package org.magentokafka.enrich;

/**
 * The answer of a look-up the store refuses to guests (magento.auth.mode=none): not an empty result, which would
 * claim "no stock", but "unknown". Only the source-items look-up needs it; an empty attribute catalog already
 * means "no labels".
 */
public enum GuestRefusal {
    INVENTORY
}
