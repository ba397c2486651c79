package org.magentokafka.component;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.magentokafka.auth.AuthMode;
import org.magentokafka.auth.SignatureMethod;
import org.magentokafka.paging.Paging;

/**
 * The one place where a setting's text becomes its typed value and where the value rules live: durations in the
 * operators' syntax ({@link Durations}), the enums by their documented spellings, whole numbers, numbers, true/false,
 * and the ranges of {@link MagentoConfiguration#RANGES}. Used by the component when an option is set from a URI or a
 * component property ({@link ParsingConfigurer}) and by the application's guard before Camel starts, so both accept
 * and refuse the same values with the same one-line message.
 */
public final class OptionValues {

    /** Enum types read by their own parse (documented spellings, one-line message naming the choices). */
    private static final Map<Class<?>, Function<String, ?>> ENUMS = Map.of(
            AuthMode.class, AuthMode::parse,
            SignatureMethod.class, SignatureMethod::parse,
            Paging.class, Paging::parse);

    private OptionValues() {
    }

    /** Whether text for this type is read here rather than by Camel's type converter (which reads "5S" as zero). */
    static boolean parsedHere(Class<?> type) {
        return type == Duration.class || ENUMS.containsKey(type);
    }

    /**
     * The typed value of {@code text} for an option of {@code type}; {@code name} is what the operator set (a
     * property or an option name), for the message.
     *
     * @throws IllegalArgumentException one line: the name, the value and what to use instead
     */
    public static Object parse(Class<?> type, String name, String text) {
        if (type == Duration.class) {
            return Durations.parse(name, text);
        }
        Function<String, ?> enumParser = ENUMS.get(type);
        if (enumParser != null) {
            return enumParser.apply(text);
        }
        if (type == int.class || type == Integer.class) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + "='" + text + "' is not a whole number");
            }
        }
        if (type == double.class || type == Double.class) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + "='" + text + "' is not a number");
            }
        }
        if (type == boolean.class || type == Boolean.class) {
            String v = text.strip();
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(name + "='" + text + "' must be true or false");
            }
            return Boolean.parseBoolean(v);
        }
        return text;
    }

    /**
     * Parses like {@link #parse} and checks the option's range ({@link MagentoConfiguration#RANGES}).
     *
     * @param option the component option whose type and range apply, e.g. pageSize
     */
    public static Object parseOption(String option, Class<?> type, String name, String text) {
        Object value = parse(type, name, text);
        if (value instanceof Number n) {
            Range range = MagentoConfiguration.RANGES.get(option);
            if (range != null) {
                // A whole number is shown as read, a decimal as written (-1, not -1.0).
                range.check(name, n, value instanceof Double ? text.strip() : String.valueOf(n));
            }
        }
        return value;
    }

    /** @throws IllegalArgumentException when {@code value} is outside the option's range */
    public static void checkRange(String option, String name, Number value) {
        Range range = MagentoConfiguration.RANGES.get(option);
        if (range != null) {
            range.check(name, value, String.valueOf(value));
        }
    }

    /** The values a number option accepts beyond its type, with what the message adds after the range. */
    public record Range(long min, long max, String why) {

        public static Range of(long min, long max) {
            return new Range(min, max, "");
        }

        /** From {@code min} up, without a ceiling: the message says what {@code min} means instead of a range. */
        public static Range atLeast(long min, String why) {
            return new Range(min, Long.MAX_VALUE, why);
        }

        public void check(String name, Number value, String shown) {
            if (value.doubleValue() >= min && value.doubleValue() <= max) {
                return;
            }
            if (max == Long.MAX_VALUE) {
                throw new IllegalArgumentException(name + "=" + shown + " must not be " + (min == 0 ? "negative" : "below " + min) + why);
            }
            throw new IllegalArgumentException(name + "=" + shown + " is out of range: use " + min + " to " + max + why);
        }
    }
}
