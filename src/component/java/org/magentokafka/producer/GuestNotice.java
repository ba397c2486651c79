package org.magentokafka.producer;

import org.magentokafka.stream.MagentoStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * magento.auth.mode=none: Magento never serves source items or the attribute list to guests (neither is in
 * Magento_WebapiSecurity's list of routes <i>Allow Anonymous Guest Access</i> opens), so these look-ups are not
 * sent; the products route still runs, with the inventory unknown and without option labels, said once by whoever
 * holds this notice (a look-up producer, a products consumer's page look-ups).
 */
final class GuestNotice {

    private static final Logger LOG = LoggerFactory.getLogger(GuestNotice.class);

    private final MagentoStream stream;
    private final String eventsCarry;
    private volatile boolean said;

    /** @param eventsCarry what the product events carry instead */
    GuestNotice(MagentoStream stream, String eventsCarry) {
        this.stream = stream;
        this.eventsCarry = eventsCarry;
    }

    void say() {
        if (!said) {
            said = true;
            LOG.warn("magento:{} is never served to guests (Magento requires {}): with magento.auth.mode=none product"
                     + " events carry {}; use an integration (magento.auth.mode=oauth1) for them", stream.uriName(),
                    stream.aclResource(), eventsCarry);
        }
    }
}
