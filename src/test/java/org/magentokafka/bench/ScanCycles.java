package org.magentokafka.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.magentokafka.sandbox.LoggedRequest;

/**
 * The cycles of one scan as the store saw them: the full-read pages of one route (no filter), a cycle starting at
 * each request for page 1. Works whatever paces the scan (a poll interval before scans were budgeted, the scan budget after).
 *
 * @param cycles  every cycle from the connector's start, the last one possibly still running
 * @param pageSize the page size the scan asked for
 */
record ScanCycles(List<Cycle> cycles, int pageSize) {

    /**
     * @param start  the request for page 1
     * @param end    the last request of the cycle, plus one latency (when its answer left the store)
     * @param pages  distinct page numbers read
     * @param next   page 1 of the next cycle, or null while none began
     */
    record Cycle(Instant start, Instant end, int pages, Instant next) {

        Duration length() {
            return Duration.between(start, end);
        }

        /** From this cycle's page 1 to the next one's: the longest a change stays unseen (read just after its page). */
        Duration period() {
            return next == null ? null : Duration.between(start, next);
        }

        Duration pauseAfter() {
            return next == null ? null : Duration.between(end, next);
        }
    }

    static ScanCycles of(List<LoggedRequest> requests, String route, Set<String> storeCodes, long latencyMillis) {
        List<LoggedRequest> pages = new ArrayList<>();
        for (LoggedRequest r : requests) {
            RouteName name = RouteName.of(r, storeCodes);
            if (name.route().equals(route) && name.scanPage() && r.status() == 200) {
                pages.add(r);
            }
        }
        // The scan's page size is the one most of its pages ask for: a one-row probe (the connection check asks
        // for page 1 of size 1 to learn total_count) is not a page of the scan.
        Map<Integer, Integer> sizes = new HashMap<>();
        pages.forEach(r -> sizes.merge(number(r, "searchCriteria[pageSize]"), 1, Integer::sum));
        int pageSize = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
        pages.removeIf(r -> number(r, "searchCriteria[pageSize]") != pageSize);
        List<Cycle> cycles = new ArrayList<>();
        Instant start = null, last = null;
        Set<Integer> seen = new HashSet<>();
        for (LoggedRequest r : pages) {
            int page = number(r, "searchCriteria[currentPage]");
            if (page == 1 && start != null && seen.contains(1)) {
                cycles.add(new Cycle(start, last.plusMillis(latencyMillis), seen.size(), r.at()));
                start = null;
                seen.clear();
            }
            if (start == null) {
                start = r.at();
            }
            seen.add(page);
            last = r.at();
        }
        if (start != null) {
            cycles.add(new Cycle(start, last.plusMillis(latencyMillis), seen.size(), null));
        }
        return new ScanCycles(cycles, pageSize);
    }

    /** Cycles that read every one of {@code pageCount} pages and whose successor began (so period and pause are known). */
    List<Cycle> complete(long pageCount) {
        return cycles.stream().filter(c -> c.pages() >= pageCount && c.next() != null).toList();
    }

    /** Cycles that read every page, the last one included even when no next cycle began yet. */
    List<Cycle> read(long pageCount) {
        return cycles.stream().filter(c -> c.pages() >= pageCount).toList();
    }

    private static int number(LoggedRequest r, String parameter) {
        try {
            return Integer.parseInt(r.query().getOrDefault(parameter, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
