package org.magentokafka.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The magento: component's catalog metadata as Camel tooling (IDE plugins, Karavan, camel-jbang, the Kamelets
 * validator) reads it: src/generated/.../magento.json, written by camel-component-maven-plugin from the component's
 * annotations and javadoc and committed (CI fails when it is stale).
 */
class ComponentMetadataTest {

    private static final Path JSON = Path.of("src/generated/resources/META-INF/org/magentokafka/component/magento.json");
    /** The options the connector parses with Durations (500ms, 5s, 10m, 1h, 2d, ISO-8601). */
    private static final Set<String> DURATIONS = Set.of("tokenLifetime", "retryBaseDelay", "retryMaxDelay", "connectTimeout",
            "readTimeout", "pollInterval", "errorBackoffMax", "watermarkOverlap", "watermarkSlack", "reconcileInterval", "metadataRefresh",
            "pricePassCheckInterval", "stockIndexInterval", "sourceItemsPause", "creditMemoInterval");
    private static final Pattern DURATION_DEFAULT = Pattern.compile("\\d+(ms|s|m|h|d)|PT.+|P\\d.*");
    /** Javadoc tags (raw or half-stripped by the generator, e.g. "{code /rest}"), HTML tags and entities. */
    private static final Pattern MARKUP = Pattern.compile("\\{@|\\{(code|link|linkplain|literal|value) |</?[A-Za-z][^>]*>|&[a-z]+;");
    /** What the generator leaves of "<topic>.<store_code>": two dots on their own. */
    private static final Pattern STRIPPED_TAGS = Pattern.compile("(?<!\\.)\\.\\.(?!\\.)");

    private static JsonNode catalog;

    @BeforeAll
    static void read() throws IOException {
        catalog = new ObjectMapper().readTree(JSON.toFile());
    }

    private static List<JsonNode> options() {
        List<JsonNode> all = new ArrayList<>();
        catalog.path("componentProperties").forEach(all::add);
        catalog.path("properties").forEach(all::add);
        return all;
    }

    @Test
    void durationsAreTypedAsDurations() {
        for (String section : List.of("componentProperties", "properties")) {
            Set<String> typed = new TreeSet<>();
            catalog.path(section).fields().forEachRemaining(o -> {
                if ("duration".equals(o.getValue().path("type").asText()) && !o.getValue().path("javaType").asText().equals("long")) {
                    typed.add(o.getKey());
                }
            });
            assertEquals(new TreeSet<>(DURATIONS), typed, section + ": the connector's durations, typed duration");
        }
        for (JsonNode option : options()) {
            String def = option.path("defaultValue").asText();
            if (DURATION_DEFAULT.matcher(def).matches()) {
                assertEquals("duration", option.path("type").asText(), "an option with default " + def + ": " + option);
            }
        }
    }

    @Test
    void baseUrlIsNotRequiredInTheUriBecauseTheComponentCanHoldIt() {
        assertTrue(catalog.at("/componentProperties/baseUrl").isObject(), "baseUrl can be set on the component");
        assertFalse(catalog.at("/properties/baseUrl/required").asBoolean(), "baseUrl required in the URI");
        assertFalse(catalog.at("/componentProperties/baseUrl/required").asBoolean(), "baseUrl required on the component");
        assertTrue(catalog.at("/properties/stream/required").asBoolean(), "the stream stays required");
    }

    @Test
    void descriptionsArePlainTextWithoutJavadocOrHtml() {
        List<String> found = new ArrayList<>();
        check("component", catalog.at("/component/description"), found);
        for (String section : List.of("componentProperties", "properties", "headers")) {
            catalog.path(section).fields().forEachRemaining(o -> check(section + "." + o.getKey(), o.getValue().path("description"), found));
        }
        assertTrue(found.isEmpty(), "descriptions with markup:\n" + String.join("\n", found));
    }

    private static void check(String where, JsonNode description, List<String> found) {
        String text = description.asText();
        if (MARKUP.matcher(text).find() || STRIPPED_TAGS.matcher(text).find()) {
            found.add(where + ": " + text);
        }
    }
}
