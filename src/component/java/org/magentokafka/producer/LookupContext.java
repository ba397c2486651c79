package org.magentokafka.producer;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.UnknownParts;
import org.magentokafka.storefront.StorefrontLookups;
import org.magentokafka.stream.MagentoStream;

/**
 * What a look-up uses of its endpoint (the component's {@code MagentoEndpoint}): its stream and store views, their
 * clients, its options and what it shares with the other streams of its store. Narrow on purpose: the look-ups
 * neither see the component nor start anything.
 */
public interface LookupContext {

    MagentoStream stream();

    /** The store views this endpoint reads: all configured ones for store-scoped streams, else the first. */
    List<String> storeCodes();

    /** The store view's client; fails on one line when the endpoint is not started or does not read it. */
    MagentoClient client(String storeCode);

    ObjectMapper mapper();

    /** magento.auth.mode=none: the store sees a storefront guest, never served what needs a grant. */
    boolean guest();

    LookupSettings getConfiguration();

    LookupStore store();

    /** A look-up answered for {@code parts}: the parts' availability is updated (one back from unknown asks for a full pass). */
    void observed(String storeCode, Set<EventPart> parts, UnknownParts unknown);

    /** The storefront look-ups as this endpoint makes them: through the store's metadata cache, as a guest or not. */
    default StorefrontLookups storefrontLookups() {
        return new StorefrontLookups(store().metadata(), getConfiguration().getMetadataRefresh(), guest());
    }
}
