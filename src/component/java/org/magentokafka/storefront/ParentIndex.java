package org.magentokafka.storefront;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Child &rarr; parents of the store's configurables ({@code configurable_product_links}), so a child's event can
 * carry {@code parent_skus} and a child's change can ask for its parents again. Links are global (not per store
 * view): one index per store. Rebuilt at the products stream's start from a listing of the configurables, then kept
 * current from every page that holds configurables.
 * <p>
 * Compact, because it sits next to the change-detection state (both together within 64 MiB per 1,000,000 keys):
 * one {@code int} per entity id in chunks of 1,024 ids allocated on first use ({@link IdSlots}: entity ids are
 * auto-increment, so the chunks are dense), holding a child's parent number + 1, or a parent's own number as
 * {@code -(n + 1)}; the parent SKUs once each, as UTF-8 in one arena ({@link ParentSkus}). A child of several
 * configurables (rare) keeps its parents in a small map. Thread-safe (pages of several store views update it).
 */
public final class ParentIndex {

    /** A child of several parents: its parent numbers are in {@link #multi}. */
    private static final int MULTI = Integer.MIN_VALUE;
    private static final int SATURATED = 0xff;

    /** Per entity id: 0 nothing; &gt; 0 a child (parent number + 1); MULTI; otherwise a parent, -(number + 1). */
    private final IdSlots slots = new IdSlots();
    private final Map<Integer, int[]> multi = new HashMap<>();
    private final ParentSkus parents = new ParentSkus();

    /**
     * Records a configurable's links as a page or the listing shows them: links it no longer has are dropped.
     * Cheap when nothing changed (the common case for a page): only its links are looked at.
     */
    public synchronized void setLinks(long parentId, String parentSku, List<Long> childIds) {
        if (!validId(parentId) || parentSku == null) {
            return;
        }
        int pid = (int) parentId;
        int slot = get(pid);
        int number;
        if (slot < 0 && slot != MULTI) {
            number = -slot - 1;
            if (!parentSku.equals(skuOf(number))) {
                parents.rename(number, parentSku); // renamed: the old bytes stay unused until a rebuild
            }
            if (unchanged(number, childIds)) {
                return;
            }
            if (parents.links(number) != 0) {
                dropLinksOf(number);
            }
        } else {
            number = parents.add(parentSku);
            set(pid, -number - 1);
        }
        int count = 0;
        for (long child : childIds) {
            if (validId(child) && child != parentId && link((int) child, number)) {
                count++;
            }
        }
        parents.links(number, Math.min(count, SATURATED));
    }

    /** A product that is no longer a configurable (or was deleted) has no children any more. */
    public synchronized void clearLinks(long productId) {
        if (!validId(productId)) {
            return;
        }
        int slot = get((int) productId);
        if (slot < 0 && slot != MULTI && parents.links(-slot - 1) != 0) {
            dropLinksOf(-slot - 1);
            parents.links(-slot - 1, 0);
        }
    }

    /** Keeps the index current from a page of product rows: configurables set their links, others clear theirs. */
    public void update(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            Long id = Variants.idOf(row);
            if (id == null) {
                continue;
            }
            if (Variants.isConfigurable(row)) {
                setLinks(id, row.get("sku") == null ? null : row.get("sku").toString(), Variants.childIds(row));
            } else if (isParent(id)) {
                clearLinks(id);
            }
        }
    }

    /** The SKUs of the configurables this entity id is a child of, in the order they were linked; empty if none. */
    public synchronized List<String> parentsOf(long childId) {
        if (!validId(childId)) {
            return List.of();
        }
        int slot = get((int) childId);
        if (slot > 0) {
            return List.of(skuOf(slot - 1));
        }
        if (slot == MULTI) {
            List<String> out = new ArrayList<>();
            for (int number : multi.get((int) childId)) {
                out.add(skuOf(number));
            }
            return out;
        }
        return List.of();
    }

    /** Takes over another index's content (a rebuild done aside, swapped in at once). */
    public synchronized void replaceWith(ParentIndex rebuilt) {
        synchronized (rebuilt) {
            slots.takeOver(rebuilt.slots);
            multi.clear();
            multi.putAll(rebuilt.multi);
            // Trimmed: a rebuilt index of 100,000s of configurables carries no growth slack.
            parents.takeOverTrimmed(rebuilt.parents);
        }
    }

    /** Configurables known. */
    public synchronized int parentCount() {
        return parents.count();
    }

    private synchronized boolean isParent(long id) {
        if (!validId(id)) {
            return false;
        }
        int slot = get((int) id);
        return slot < 0 && slot != MULTI;
    }

    private boolean unchanged(int number, List<Long> childIds) {
        int count = parents.links(number);
        if (count == SATURATED || count != childIds.size()) {
            return false;
        }
        for (long child : childIds) {
            if (!validId(child) || !linkedTo((int) child, number)) {
                return false;
            }
        }
        return true;
    }

    private boolean linkedTo(int child, int number) {
        int slot = get(child);
        if (slot == number + 1) {
            return true;
        }
        if (slot == MULTI) {
            for (int n : multi.get(child)) {
                if (n == number) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Adds child &rarr; parent; false when it was there already or the id is a parent's. */
    private boolean link(int child, int number) {
        int slot = get(child);
        if (slot == 0) {
            set(child, number + 1);
            return true;
        }
        if (slot == number + 1) {
            return false;
        }
        if (slot > 0) {
            multi.put(child, new int[] {slot - 1, number});
            set(child, MULTI);
            return true;
        }
        if (slot == MULTI) {
            int[] numbers = multi.get(child);
            for (int n : numbers) {
                if (n == number) {
                    return false;
                }
            }
            int[] more = Arrays.copyOf(numbers, numbers.length + 1);
            more[numbers.length] = number;
            multi.put(child, more);
            return true;
        }
        return false; // a configurable is nobody's child
    }

    /** Removes every link to this parent: one walk over the ids, only when a configurable's links changed. */
    private void dropLinksOf(int number) {
        slots.clearEvery(number + 1);
        for (Iterator<Map.Entry<Integer, int[]>> it = multi.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, int[]> e = it.next();
            int[] kept = Arrays.stream(e.getValue()).filter(n -> n != number).toArray();
            if (kept.length == e.getValue().length) {
                continue;
            }
            if (kept.length > 1) {
                e.setValue(kept);
            } else {
                it.remove();
                set(e.getKey(), kept.length == 1 ? kept[0] + 1 : 0);
            }
        }
    }

    private String skuOf(int number) {
        return parents.skuOf(number);
    }

    private int get(int id) {
        return slots.get(id);
    }

    private void set(int id, int value) {
        slots.set(id, value);
    }

    private static boolean validId(long id) {
        return id > 0 && id <= Integer.MAX_VALUE;
    }
}
