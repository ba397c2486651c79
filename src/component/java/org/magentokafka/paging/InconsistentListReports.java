package org.magentokafka.paging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which inconsistent list answers (see {@link PageBounds}) were already reported: one WARN line per place (a
 * stream's store view, or a look-up) and kind of nonsense until that place answers consistently again, so a store
 * that keeps talking nonsense is not reported on every poll. Thread-safe.
 */
public final class InconsistentListReports {

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** @return true the first time this place shows this kind of problem (report it), false for a repeat */
    public boolean firstTime(String place, PageBounds.Problem problem) {
        return reported.add(place + "|" + problem.kind());
    }

    /** The place answered consistently: its next inconsistency is news again. */
    public void consistent(String place) {
        reported.removeIf(key -> key.startsWith(place + "|"));
    }
}
