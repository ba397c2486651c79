package org.magentokafka.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which optional parts of the product events each store view has, as the look-ups last found them. Said where
 * operators look: one WARN line per store view and cause when parts become unknown (naming the grant as the admin
 * shows it and what it adds), one INFO line when they come back, nothing in between; a gauge
 * {@code magento_enrichment_available{store, part}} (1 available, 0 unknown) and the health check's details.
 * Readiness is not touched: the connector publishes what it can.
 */
public final class PartAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(PartAvailability.class);

    private record Key(String store, EventPart part) {
    }

    /** The last state seen: null = available, else why not. Only parts a look-up answered for are here. */
    private final Map<Key, Unavailable> unknown = new ConcurrentHashMap<>();
    private final Set<Key> seen = ConcurrentHashMap.newKeySet();

    /**
     * A look-up answered in this store view for {@code asked}; {@code unknownParts} are the ones it could not give.
     *
     * @return whether a part that was unknown is available again: the store view's products need publishing again
     */
    public synchronized boolean observe(String store, Set<EventPart> asked, UnknownParts unknownParts) {
        Map<Unavailable, List<EventPart>> lost = new LinkedHashMap<>();
        Map<Unavailable, List<EventPart>> back = new LinkedHashMap<>();
        for (EventPart part : asked) {
            Key key = new Key(store, part);
            Unavailable now = unknownParts.asMap().get(part);
            Unavailable before = unknown.get(key);
            if (seen.add(key)) {
                Gauge.builder("magento.enrichment.available", this, a -> a.unknown.containsKey(key) ? 0 : 1)
                        .description("1 when the store view's product events carry this optional part, 0 when it is"
                                     + " unknown (a grant or module is missing; the events list it under 'unknown')")
                        .tag("store", store).tag("part", part.field()).register(Metrics.globalRegistry);
            }
            if (now != null && !now.equals(before)) {
                unknown.put(key, now);
                lost.computeIfAbsent(now, k -> new ArrayList<>()).add(part);
            } else if (now == null && before != null) {
                unknown.remove(key);
                back.computeIfAbsent(before, k -> new ArrayList<>()).add(part);
            }
        }
        lost.forEach((why, parts) -> {
            if (!why.equals(Unavailable.NOT_FOR_GUESTS)) { // a guest's limits are said by the guest's own line
                LOG.warn("store view {}: {}: product events carry {} as unknown (null, listed under \"unknown\"), the"
                         + " rest is published. Fix: {}. Asked again at each metadata refresh (magento.metadata-refresh);"
                         + " said again only when it changes", store,
                        why.grant() != null ? "the integration lacks " + AdminGrants.label(why.grant()) : why.reason(),
                        fields(parts), why.fix());
            }
        });
        back.forEach((why, parts) -> LOG.info("store view {}: {} available again (was {}): publishing the store view's"
                                              + " products again with them", store, fields(parts), why.reason()));
        return !back.isEmpty();
    }

    /** Whether any part of this store view is unknown now. */
    public boolean anyUnknown(String store) {
        return unknown.keySet().stream().anyMatch(k -> k.store().equals(store));
    }

    /** Whether this part of this store view is unknown now. */
    public boolean isUnknown(String store, EventPart part) {
        return unknown.containsKey(new Key(store, part));
    }

    /** For the health check: {@code <store>.<part>} → the reason, for every unknown part. */
    public Map<String, String> unknownDetails() {
        Map<String, String> out = new TreeMap<>();
        unknown.forEach((k, why) -> out.put(k.store() + "." + k.part().field(), why.reason()));
        return out;
    }

    private static String fields(List<EventPart> parts) {
        List<String> names = new ArrayList<>();
        parts.forEach(p -> names.add(p.field()));
        return String.join(", ", names);
    }
}
