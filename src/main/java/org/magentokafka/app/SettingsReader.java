package org.magentokafka.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigValue;
import org.magentokafka.component.OptionValues;
import org.magentokafka.component.OptionValues.Range;
import org.magentokafka.config.PropertyNames;

/**
 * Reads the operator's settings by name into their types with the component's rules ({@link OptionValues}) and
 * keeps one line per invalid value, naming the property and its environment variable: what
 * {@link ConfigurationGuard} prints before refusing to start. A value read twice (a property both the application
 * and the component use) is reported once.
 */
final class SettingsReader {

    private final ConfigurationGuard.Values values;
    private final Map<String, String> problems = new LinkedHashMap<>();

    SettingsReader(ConfigurationGuard.Values values) {
        this.values = values;
    }

    /**
     * The value of {@code name} typed and checked like the component option {@code option} (its type's syntax and
     * its range); {@code fallback} when unset or invalid.
     */
    <T> T option(String name, String option, Class<T> type, T fallback) {
        return read(name, option, type, fallback, true);
    }

    /**
     * Like {@link #option}, but a value taken over from another property ({@code ${magento.page-size}}) is not
     * reported again: that property reports it.
     */
    <T> T inherited(String name, String option, Class<T> type, T fallback) {
        ConfigValue v = values.get(name);
        boolean own = v == null || v.getRawValue() == null || !v.getRawValue().contains("${");
        return read(name, option, type, fallback, own);
    }

    /** Whether the configuration knows the name at all (its value may still be empty). */
    boolean defined(String name) {
        return values.get(name) != null;
    }

    String text(String name) {
        return option(name, null, String.class, null);
    }

    Duration duration(String name) {
        return option(name, null, Duration.class, null);
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(option(name, null, Boolean.class, false));
    }

    /** A whole number in {@code range}, for a setting that is not a component option. */
    int integer(String name, Range range, int fallback) {
        Integer n = option(name, null, Integer.class, null);
        if (n == null) {
            return fallback;
        }
        try {
            range.check(name, n, String.valueOf(n));
            return n;
        } catch (IllegalArgumentException e) {
            report(name, e.getMessage());
            return fallback;
        }
    }

    /** One of {@code choices}, else {@code message} (which names the choices to use). */
    String oneOf(String name, List<String> choices, String message) {
        String v = text(name);
        if (v != null && !choices.contains(v.strip())) {
            report(name, name + "='" + v + "' " + message);
        }
        return v == null ? null : v.strip();
    }

    /** Records a problem found outside this reader's rules (the store URL). */
    void report(String name, String message) {
        problems.putIfAbsent(name, message + " (set by " + name + " or env " + PropertyNames.envName(name) + ")");
    }

    List<String> problems() {
        return new ArrayList<>(problems.values());
    }

    private <T> T read(String name, String option, Class<T> type, T fallback, boolean reportProblems) {
        ConfigValue v = values.get(name);
        if (v == null || v.getValue() == null) {
            return fallback;
        }
        try {
            @SuppressWarnings("unchecked") // OptionValues returns the type asked for (boxed for a primitive type)
            T value = (T) (option == null ? OptionValues.parse(type, name, v.getValue())
                    : OptionValues.parseOption(option, type, name, v.getValue()));
            return value;
        } catch (IllegalArgumentException e) {
            if (reportProblems) {
                report(name, e.getMessage());
            }
            return fallback;
        }
    }
}
