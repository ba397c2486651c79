package org.magentokafka.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.magentokafka.change.KeyFingerprints;
import org.magentokafka.change.StateStore;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.consumer.paging.PacedScan;
import org.magentokafka.consumer.paging.PassParts;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.PageBounds;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.ValueFilters;
import org.magentokafka.paging.WholeList;
import org.magentokafka.stream.MagentoStream;

/**
 * Finds the keys that vanished from the store and publishes them as deletes, but only once the store confirmed
 * it: the candidates are the state's keys a full pass did not see, or that a keys-only listing (the periodic
 * reconcile sweep) does not show; each candidate is asked for once more, by key, and only those the store still
 * does not return become a deletes page. Page shifts during a sync must never turn into false deletes, and an
 * answer that cannot be true confirms nothing.
 */
public final class DeletionSweep {

    /** Delete confirmations are foreground look-ups by key: as few requests as Magento allows. */
    private static final int LIST_PAGE_SIZE = SearchCriteria.MAX_PAGE_SIZE;

    private final PassParts parts;
    private final MagentoStream stream;

    public DeletionSweep(PassParts parts) {
        this.parts = parts;
        this.stream = parts.stream();
    }

    /** After a full pass: what the state holds and the pass did not see. */
    void afterFullPass(StoreSync sync) throws Exception {
        emitDeletes(sync, missing(sync.state(), sync.seenKeys()));
    }

    /**
     * The reconcile sweep's second half, on the poll thread: the state's keys that a keys-only listing
     * ({@link #listKeys}) did not show are asked for by key; only those still missing are deleted. A key created
     * after the listing is in the state but not in the listing, and the store returns it: it stays.
     */
    void confirm(StoreSync sync, KeyFingerprints listed) throws Exception {
        emitDeletes(sync, missing(sync.state(), listed));
    }

    /**
     * The reconcile sweep's listing: every key of the collection in one store view, with the smallest answers
     * Magento can give (only the key fields), one page after the other. Touches no state, so it can run on a
     * thread of its own while the stream goes on polling.
     *
     * @return the keys listed, or null when an answer was inconsistent (reported): then nothing is confirmed
     */
    public KeyFingerprints listKeys(MagentoClient client, String store, int pageSize, PacedScan cycles) {
        KeyFingerprints keys = new KeyFingerprints();
        SearchCriteria list = SearchCriteria.paged(pageSize);
        for (String field : stream.sortFields()) {
            list = list.sortedBy(field, "ASC");
        }
        String fields = "items[" + String.join(",", stream.keyFields()) + "],total_count";
        PageBounds.Problem problem = readAll(client, list, fields, page -> page.items().forEach(item -> {
            String key = stream.keyOf(item);
            if (key != null) {
                keys.add(key);
            }
        }), total -> cycles.sized(store, total, pageSize));
        if (problem != null) {
            parts.reports().inconsistent(store, client.address().path(stream.resource()), problem);
            return null;
        }
        return keys;
    }

    /**
     * Every page of a small list, one after the other (key listings, delete confirmations).
     *
     * @param firstTotal told page 1's total_count, or null
     * @return null, or the problem when an answer was inconsistent: what was read is then not the whole list
     */
    private PageBounds.Problem readAll(MagentoClient client, SearchCriteria list, String fields, Consumer<Page> each,
                                       LongConsumer firstTotal) {
        Consumer<Page> read = firstTotal == null ? each : page -> {
            if (page.number() == 1) {
                firstTotal.accept(page.totalCount());
            }
            each.accept(page);
        };
        PageBounds bounds = WholeList.read(list.pageSize(), number -> client.fetchPage(stream.resource(),
                list.withPage(number), fields), parts::keysOf, read);
        return bounds.consistent() ? null : bounds.problem();
    }

    private static List<String> missing(StateStore state, KeyFingerprints seen) {
        List<String> gone = new ArrayList<>();
        state.forEachKey(key -> {
            if (!seen.contains(key)) {
                gone.add(key);
            }
        });
        return gone;
    }

    /** Asks the store once more for exactly these keys; publishes those it does not return as deletes. */
    private void emitDeletes(StoreSync sync, List<String> candidates) throws Exception {
        if (candidates.isEmpty()) {
            return;
        }
        String keyField = stream.keyFields().get(0);
        int chunk = LIST_PAGE_SIZE / 2;
        List<Map<String, Object>> confirmed = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i += chunk) {
            List<String> batch = candidates.subList(i, Math.min(candidates.size(), i + chunk));
            // The key's own first value, never split inside it (a SKU may hold '|' or ','): asked for exactly.
            Set<String> values = new HashSet<>();
            batch.forEach(k -> values.add(stream.leadingValue(k)));
            Set<String> stillThere = new HashSet<>();
            for (SearchCriteria.Filter filter : ValueFilters.of(keyField, values, chunk)) {
                SearchCriteria check = SearchCriteria.paged(LIST_PAGE_SIZE).withFilterGroup(filter);
                PageBounds.Problem problem = readAll(sync.client(), check, null,
                        page -> page.items().forEach(item -> stillThere.add(stream.keyOf(item))), null);
                if (problem != null) {
                    parts.reports().inconsistent(sync, sync.path(stream), problem);
                    return;  // an answer that cannot be true confirms nothing
                }
            }
            for (String key : batch) {
                if (!stillThere.contains(key)) {
                    confirmed.add(Map.of("key", key));
                }
            }
        }
        for (int i = 0; i < confirmed.size(); i += LIST_PAGE_SIZE) {
            List<Map<String, Object>> page = confirmed.subList(i, Math.min(confirmed.size(), i + LIST_PAGE_SIZE));
            parts.delivery().deliver(sync, new ArrayList<>(page), 1, 1, confirmed.size(), true);
            sync.addDeleted(page.size());
        }
        parts.delivery().awaitAll();
    }
}
