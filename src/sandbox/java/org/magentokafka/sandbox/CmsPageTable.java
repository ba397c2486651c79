package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The catalog's CMS pages, by id. Not thread-safe: {@link SandboxCatalog} holds the lock around every call.
 * A change bumps update_time, because CMS pages have no updated_at.
 */
final class CmsPageTable {

    private final Clock clock;
    private final TreeMap<Integer, ObjectNode> cmsPages = new TreeMap<>();

    CmsPageTable(Clock clock) {
        this.clock = clock;
    }

    void put(ObjectNode page) {
        cmsPages.put(page.get("id").asInt(), page);
    }

    List<ObjectNode> copies() {
        return cmsPages.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** Changes the page with this identifier; false when there is none. */
    boolean update(String identifier, Consumer<ObjectNode> change) {
        for (ObjectNode page : cmsPages.values()) {
            if (page.get("identifier").asText().equals(identifier)) {
                ObjectNode changed = page.deepCopy();
                change.accept(changed);
                changed.put("id", page.get("id").asInt());
                changed.put("update_time", MagentoTime.format(clock.instant()));
                cmsPages.put(page.get("id").asInt(), changed);
                return true;
            }
        }
        return false;
    }

    List<ObjectNode> nodes() {
        return new ArrayList<>(cmsPages.values());
    }
}
