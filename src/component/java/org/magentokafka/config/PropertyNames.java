package org.magentokafka.config;

import java.util.Collection;
import java.util.Locale;

/**
 * Names of configuration properties: their environment-variable form, and the valid name closest to a misspelled one
 * (Levenshtein distance) for "did you mean ..." lines. Shared by the connector's own settings check and the Kafka
 * client settings, which must not depend on each other.
 */
public final class PropertyNames {

    private PropertyNames() {
    }

    /** Quarkus' environment variable form of a property name: upper case, every other character '_'. */
    public static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The candidate nearest to {@code name}, or null when none is within {@code maxDistance} edits. */
    public static String nearest(String name, Collection<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= maxDistance ? best : null;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
