package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Filtered and sorted collections by query, valid for one version of the catalog. A sync asks the same query for
 * pages 1 to n; a real store answers each page from MySQL's indexes, without scanning and sorting the whole
 * table again, and so does the sandbox: the first page pays for the query, the others only slice it. Any
 * mutation of the catalog changes its version, so an entry never outlives the data it was computed from.
 */
final class SearchCache {

    private static final int ENTRIES = 32;

    private record Key(String collection, String scope, List<List<SearchQuery.Filter>> filters,
                       List<SearchQuery.Sort> sorts) {
    }

    private record Entry(long version, CompletableFuture<List<ObjectNode>> matching) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > ENTRIES;
        }
    };

    /**
     * @param scope    what else shapes the items (the store view whose values they show)
     * @param items    the collection in its natural order, asked for only when the query is not cached
     */
    List<ObjectNode> matching(String collection, String scope, long version, SearchQuery criteria,
                              Supplier<List<ObjectNode>> items, FieldResolver fields) {
        Key key = new Key(collection, scope, criteria.filterGroups(), criteria.sortOrders());
        CompletableFuture<List<ObjectNode>> mine = new CompletableFuture<>();
        Entry found;
        synchronized (entries) {
            found = entries.get(key);
            if (found == null || found.version != version) {
                entries.put(key, new Entry(version, mine));
                found = null;
            }
        }
        if (found != null) {
            try {
                return found.matching.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            List<ObjectNode> result = List.copyOf(CollectionSearch.matching(items.get(), criteria, fields));
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            // An invalid query is answered with its error each time, never cached.
            synchronized (entries) {
                entries.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
