package org.magentokafka.consumer;

import java.util.EnumSet;
import java.util.Set;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.MetadataCache;
import org.magentokafka.enrich.PartAvailability;
import org.magentokafka.enrich.Unavailable;
import org.magentokafka.enrich.UnknownParts;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.producer.AttributesProducer;
import org.magentokafka.producer.CategoriesProducer;
import org.magentokafka.storefront.StoreViewScope;
import org.magentokafka.stream.MagentoStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link PartAvailability} current for the products stream: what each look-up found is observed, and when a
 * part that was unknown comes back (a grant added, a module switched on) the store view gets a full pass, so its
 * products are published again with it. A store view with unknown parts has them asked again at the start of each
 * poll through the metadata cache: no request until {@code magento.metadata-refresh} has passed, then the same
 * requests a refresh makes anyway (one {@code pageSize=1} source-items request when the inventory is unknown), so
 * a grant that appears is picked up even when no product changes.
 */
public final class OptionalParts {

    private static final Logger LOG = LoggerFactory.getLogger(OptionalParts.class);
    /** The metadata cache's kind for the probe of the source items when the inventory is unknown. */
    private static final String INVENTORY_PROBE = "inventory-probe";
    /** What the store view's scope decides (the page's own look-ups add variants). */
    private static final Set<EventPart> SCOPED = EnumSet.of(EventPart.WEBSITE, EventPart.DISPLAYABLE, EventPart.SALABLE,
            EventPart.PRICES, EventPart.URLS);

    private OptionalParts() {
    }

    /** A look-up answered for {@code parts}; a part back from unknown asks for a full pass of the store view. */
    public static void observe(StreamContext endpoint, String store, Set<EventPart> parts, UnknownParts unknown) {
        if (endpoint.enrichment().observe(store, parts, unknown)) {
            FullPassRequests.request(endpoint, store);
        }
    }

    /** At a products poll's start: the unknown parts of this store view asked again, once per metadata refresh. */
    static void recheck(StreamContext endpoint, MagentoClient client, String store) {
        PartAvailability availability = endpoint.enrichment();
        if (!availability.anyUnknown(store) || endpoint.guest()) {
            return;
        }
        try {
            if (SCOPED.stream().anyMatch(p -> availability.isUnknown(store, p))) {
                StoreViewScope scope = endpoint.storefrontLookups().scope(client);
                observe(endpoint, store, SCOPED, scope.unknown());
            }
            if (availability.isUnknown(store, EventPart.LABELS)) {
                observe(endpoint, store, Set.of(EventPart.LABELS), AttributesProducer.attributes(endpoint, client).unknownParts());
            }
            if (availability.isUnknown(store, EventPart.CATEGORIES)) {
                observe(endpoint, store, Set.of(EventPart.CATEGORIES), CategoriesProducer.categories(endpoint, client).unknownParts());
            }
            if (availability.isUnknown(store, EventPart.INVENTORY)) {
                observe(endpoint, store, Set.of(EventPart.INVENTORY), endpoint.store().metadata().get(INVENTORY_PROBE,
                        MetadataCache.storeKey(client), endpoint.getConfiguration().getMetadataRefresh(), () -> inventory(client)));
            }
        } catch (MagentoException e) {
            // A blip while asking again: the next refresh asks again; the poll itself is not held for it.
            LOG.debug("asking again for the optional parts of store view {} failed: {}", store, e.getMessage());
        }
    }

    private static UnknownParts inventory(MagentoClient client) {
        MagentoStream stream = MagentoStream.SOURCE_ITEMS;
        try {
            client.fetchPage(stream.resource(), SearchCriteria.paged(1));
            return UnknownParts.NONE;
        } catch (MagentoException e) {
            return UnknownParts.of(EventPart.INVENTORY, Unavailable.orThrow(e, stream.aclResource(), stream.resource()));
        }
    }
}
