package org.magentokafka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.component.MagentoComponentConfigurer;
import java.util.Locale;

/**
 * application.properties is the operator's documentation: every property has a comment above it and a value (or is
 * documented as required / optional), everything the routes and the code read is defined there, and every
 * magento.* property defined there is read somewhere (no dead documentation).
 */
class ConfigurationDocumentationTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Pattern PROPERTY = Pattern.compile("^([A-Za-z0-9_.\\-\"]+)\\s*=(.*)$");
    private static final Pattern SECTION = Pattern.compile("^#\\s*(---|===)");
    /** Secrets and switches whose empty value means "not used" (credentials come from the environment). */
    private static final Pattern OPTIONAL_WHEN_EMPTY = Pattern.compile(
            "magento\\.auth\\.(access-token|access-token-secret|consumer-key|consumer-secret|username|password|totp-secret)"
            + "|magento\\.proxy\\.host|magento\\.tls\\.truststore(-password)?");

    private static final Map<String, String> values = new LinkedHashMap<>();
    private static final Map<String, String> documentation = new LinkedHashMap<>();

    @BeforeAll
    static void parse() throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve("application.properties"), StandardCharsets.UTF_8);
        // Paragraphs are separated by blank lines; a property is documented by the comments of its own paragraph
        // above it. A paragraph of properties only (one stream's settings) is documented by its section's intro
        // (the comments right after the "# --- Section" line), provided the intro names the option, e.g.
        // "Each stream: enabled, poll interval, page size (...) and topic".
        String sectionIntro = "";
        boolean collectingIntro = false;
        StringBuilder paragraphComments = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                paragraphComments.setLength(0);
                collectingIntro = false;
                continue;
            }
            if (line.startsWith("#")) {
                if (SECTION.matcher(line).find()) {
                    sectionIntro = "";
                    collectingIntro = true;
                } else {
                    String text = line.substring(1).strip() + " ";
                    paragraphComments.append(text);
                    if (collectingIntro) {
                        sectionIntro += text;
                    }
                }
                continue;
            }
            collectingIntro = false;
            Matcher m = PROPERTY.matcher(line);
            assertTrue(m.matches(), "not a property line: " + line);
            String name = m.group(1);
            String option = name.substring(name.lastIndexOf('.') + 1).replace('-', ' ');
            String doc = paragraphComments.length() > 0 ? paragraphComments.toString()
                    : sectionIntro.toLowerCase(Locale.ROOT).contains(option) ? sectionIntro : "";
            values.put(name, m.group(2).strip());
            documentation.put(name, doc);
        }
        assertTrue(values.size() > 50, "parsed " + values.size() + " properties");
    }

    @Test
    void everyPropertyIsDocumentedAndHasAValueOrIsMarkedRequiredOrOptional() {
        List<String> problems = new ArrayList<>();
        values.forEach((name, value) -> {
            String doc = documentation.get(name);
            if (doc.isBlank()) {
                problems.add(name + ": no comment above it");
            }
            if (value.isEmpty() && !doc.contains("required") && !doc.contains("empty")
                && !OPTIONAL_WHEN_EMPTY.matcher(name).matches()) {
                problems.add(name + ": empty, and its comment says neither 'required' nor what empty means");
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(documentation.get("magento.base-url").contains("required"), "the store URL is marked required");
    }

    @Test
    void everythingTheRoutesAndTheCodeReadIsDefined() throws IOException {
        Map<String, String> readBy = read();
        List<String> undefined = new ArrayList<>();
        readBy.forEach((name, where) -> {
            if (!values.containsKey(name)) {
                undefined.add(name + " (read by " + where + ")");
            }
        });
        assertEquals(List.of(), undefined, "read but not defined (and documented) in application.properties");
        assertTrue(readBy.containsKey("magento.streams.products.page-size") && readBy.containsKey("magento.health.stale-after")
                   && readBy.containsKey("magento.auth.access-token"), "the scan finds route placeholders, ${...} and @ConfigProperty: " + readBy.keySet());
    }

    @Test
    void everyMagentoPropertyDefinedIsReadSomewhere() throws IOException {
        Set<String> read = read().keySet();
        Set<String> dead = new TreeSet<>();
        for (String name : values.keySet()) {
            if (name.startsWith("magento.") && !read.contains(name) && !readDynamically(name)) {
                dead.add(name);
            }
        }
        assertEquals(Set.of(), dead, "documented but never read: remove them or wire them");
    }

    /**
     * The aliases table (camel.component.magento.<option>=${magento....}) hands documented properties to options
     * the component has: the guard checks each such property with its option's type and range.
     */
    @Test
    void everyComponentAliasHandsADocumentedPropertyToAComponentOption() {
        MagentoComponentConfigurer options = new MagentoComponentConfigurer();
        Pattern oneProperty = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
        List<String> problems = new ArrayList<>();
        int aliases = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!e.getKey().startsWith("camel.component.magento.")) {
                continue;
            }
            aliases++;
            String option = StringHelper.dashToCamelCase(e.getKey().substring("camel.component.magento.".length()));
            if (options.getOptionType(option, false) == null) {
                problems.add(e.getKey() + ": the component has no option " + option);
            }
            Matcher m = oneProperty.matcher(e.getValue());
            if (!m.matches() || !values.containsKey(m.group(1).strip())) {
                problems.add(e.getKey() + "=" + e.getValue() + ": not one documented property");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(aliases > 30, "aliases found: " + aliases);
    }

    /** ConnectorSettings reads magento.streams.<stream>.enabled/topic by building the name from the stream enum. */
    private static boolean readDynamically(String name) {
        return name.matches("magento\\.streams\\.[a-z-]+\\.(enabled|topic)");
    }

    /** Property name -> where it is read: route placeholders, ${...} in the properties, the Java code. */
    private static Map<String, String> read() throws IOException {
        Map<String, String> read = new LinkedHashMap<>();
        Pattern placeholder = Pattern.compile("\\{\\{\\??([^}:]+)(:[^}]*)?}}");
        try (Stream<Path> routes = Files.list(PROJECT.resolve("routes"))) {
            for (Path route : routes.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Matcher m = placeholder.matcher(Files.readString(route));
                while (m.find()) {
                    read.putIfAbsent(m.group(1).strip(), "routes/" + route.getFileName());
                }
            }
        }
        Pattern expression = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
        values.forEach((name, value) -> {
            Matcher m = expression.matcher(value);
            while (m.find()) {
                read.putIfAbsent(m.group(1).strip(), "application.properties " + name);
            }
        });
        // Raw reads (@ConfigProperty, getValue) and the typed reads of ConnectorSettings / ConfigurationGuard through
        // SettingsReader (reader.option("magento.page-size", ...), reader.duration("magento.ha.lease-time")...).
        Pattern java = Pattern.compile("(?:@ConfigProperty\\(\\s*name\\s*=\\s*|get(?:Optional)?Value\\(\\s*"
                                       + "|\\b(?:r|reader)\\.(?:option|inherited|text|duration|flag|integer|oneOf|defined)\\(\\s*)"
                                       + "\"([^\"]+)\"\\s*[,)]");
        // Names built at run time ("magento.streams." + stream + ".enabled") are covered by readDynamically().
        for (String root : List.of("src/main/java", "src/component/java")) {
            try (Stream<Path> sources = Files.walk(PROJECT.resolve(root))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = java.matcher(Files.readString(source));
                    while (m.find()) {
                        read.putIfAbsent(m.group(1), PROJECT.relativize(source).toString());
                    }
                }
            }
        }
        return read;
    }
}
