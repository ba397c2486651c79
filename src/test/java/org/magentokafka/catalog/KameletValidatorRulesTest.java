package org.magentokafka.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kamelets/magento-source.kamelet.yaml passes the rules of apache/camel-kamelets' validator (script/validator,
 * validator.go, and the kamelets-maven-plugin's ValidateKameletsMojo), rule by rule, plus the Kamelet CRD's
 * deprecations. One rule is deliberately kept apart: the validator wants camel.apache.org/provider to be
 * "Apache Software Foundation" because it checks Apache's own catalog; this Kamelet is not provided by the ASF,
 * so the test requires a provider without claiming that one.
 */
class KameletValidatorRulesTest {

    private static final Path KAMELET = Path.of("kamelets/magento-source.kamelet.yaml");
    private static final Path COMPONENT_JSON = Path.of("src/generated/resources/META-INF/org/magentokafka/component/magento.json");
    /** validator.go's paramRegexp: {{name}}, {{?name}}, {{name:default}}. */
    private static final Pattern PARAM = Pattern.compile("\\{\\{[?]?([A-Za-z0-9-._]+)(?:[:][^}]*)?}}");
    /** English stop words the validator (bbalet/stopwords) lets stay lower case in a title; the ones titles use. */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "by",
            "with", "from", "at", "as", "is", "per", "via");

    private static JsonNode kamelet;
    private static JsonNode definition;
    private static JsonNode template;

    @BeforeAll
    static void read() throws IOException {
        kamelet = new ObjectMapper(new YAMLFactory()).readTree(KAMELET.toFile());
        definition = kamelet.at("/spec/definition");
        template = kamelet.at("/spec/template");
        assertTrue(definition.isObject(), "the Kamelet contains the JSON schema definition");
        assertTrue(template.isObject(), "the Kamelet contains the Template specification");
    }

    private static String name() {
        return kamelet.at("/metadata/name").asText();
    }

    private static String type() {
        return kamelet.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText();
    }

    @Test
    void fileNameMatchesTheKameletName() {
        assertEquals(KAMELET.getFileName().toString(), name() + ".kamelet.yaml");
    }

    @Test
    void typeLabelIsValidAndTheNameEndsWithIt() {
        assertTrue(List.of("source", "sink", "action").contains(type()), "camel.apache.org/kamelet.type: " + type());
        assertTrue(name().endsWith("-" + type()), name());
    }

    @Test
    void definitionHasTitleEndingWithTheTypeADescriptionAndObjectType() {
        String title = definition.path("title").asText();
        String suffix = Character.toUpperCase(type().charAt(0)) + type().substring(1);
        assertTrue(title.endsWith(suffix), "title '" + title + "' ends with " + suffix);
        assertFalse(definition.path("description").asText().isBlank(), "description");
        assertEquals("object", definition.path("type").asText());
    }

    @Test
    void requiredPropertiesAreDefinedAndListedOnce() {
        Set<String> seen = new HashSet<>();
        for (JsonNode r : definition.path("required")) {
            assertTrue(seen.add(r.asText()), "required property listed twice: " + r.asText());
            assertTrue(definition.path("properties").has(r.asText()), "required property not defined: " + r.asText());
        }
    }

    @Test
    void everyPropertyHasATypeACapitalizedTitleAndADescription() {
        definition.path("properties").fields().forEachRemaining(p -> {
            JsonNode prop = p.getValue();
            String title = prop.path("title").asText();
            assertFalse(prop.path("type").asText().isBlank(), p.getKey() + " has a type");
            assertFalse(title.isBlank(), p.getKey() + " has a title");
            for (String word : title.split(" ")) {
                if (!word.isEmpty() && !STOP_WORDS.contains(word.toLowerCase()) && Character.isLetter(word.charAt(0))) {
                    assertTrue(Character.isUpperCase(word.charAt(0)), p.getKey() + ": non-capitalized word '" + word + "' in the title");
                }
            }
            for (String article : List.of("The ", "A ", "An ")) {
                assertFalse(title.startsWith(article), p.getKey() + ": title starts with '" + article + "'");
            }
            assertFalse(prop.path("description").asText().isBlank(), p.getKey() + " has a description");
        });
    }

    @Test
    void annotationsNameIconCatalogVersionOfThisProjectAndProvider() throws IOException {
        JsonNode annotations = kamelet.at("/metadata/annotations");
        String icon = annotations.path("camel.apache.org/kamelet.icon").asText();
        assertTrue(icon.startsWith("data:image/svg+xml;base64,") && icon.length() > 100, "camel.apache.org/kamelet.icon: " + icon);
        String version = annotations.path("camel.apache.org/catalog.version").asText();
        Matcher pom = Pattern.compile("<artifactId>magento-kafka-connector</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(pom.find());
        assertEquals(pom.group(1), version, "camel.apache.org/catalog.version matches the project version in pom.xml");
        String provider = annotations.path("camel.apache.org/provider").asText();
        assertFalse(provider.isBlank(), "camel.apache.org/provider");
        assertFalse(provider.equals("Apache Software Foundation"), "not an Apache catalog Kamelet: never claim the ASF as provider");
    }

    @Test
    void passwordPropertiesCarryTheCredentialsDescriptorAndNoDeprecatedOnes() {
        definition.path("properties").fields().forEachRemaining(p -> {
            List<String> descriptors = new ArrayList<>();
            p.getValue().path("x-descriptors").forEach(d -> descriptors.add(d.asText()));
            if ("password".equals(p.getValue().path("format").asText())) {
                assertTrue(descriptors.contains("urn:camel:group:credentials"), p.getKey() + " misses urn:camel:group:credentials");
            }
            assertTrue(descriptors.stream().noneMatch(d -> d.startsWith("urn:alm:descriptor:com.tectonic.ui")),
                    p.getKey() + " uses the deprecated urn:alm:descriptor:com.tectonic.ui prefix: " + descriptors);
            assertEquals(new HashSet<>(descriptors).size(), descriptors.size(), p.getKey() + " lists an x-descriptor twice");
        });
    }

    @Test
    void secretsAreMarkedAsPasswords() {
        for (String secret : List.of("accessToken", "accessTokenSecret", "consumerKey", "consumerSecret", "password", "totpSecret")) {
            assertEquals("password", definition.at("/properties/" + secret + "/format").asText(), secret);
        }
    }

    @Test
    void noDeprecatedSpecTypes() {
        assertFalse(kamelet.path("spec").has("types"), "spec.types is deprecated in favour of spec.dataTypes");
    }

    @Test
    void everyDeclaredParameterIsUsedAndEveryUsedOneDeclared() {
        Set<String> used = new TreeSet<>();
        collectParameters(template, used);
        Set<String> declared = new TreeSet<>();
        definition.path("properties").fieldNames().forEachRemaining(declared::add);
        template.path("beans").forEach(b -> declared.add(b.path("name").asText()));
        assertEquals(declared, used, "declared properties vs {{parameters}} of the template");
    }

    @Test
    void aSourceRoutesToKameletSink() {
        assertEquals("source", type());
        assertTrue(template.toString().contains("kamelet:sink"), "a source Kamelet sends to kamelet:sink");
    }

    @Test
    void dependenciesAreCamelMavenOrApacheGithubReferences() {
        for (JsonNode dep : kamelet.at("/spec/dependencies")) {
            String d = dep.asText();
            assertTrue(d.startsWith("camel:") || d.startsWith("mvn:") || d.startsWith("github:apache/"), d);
        }
    }

    /**
     * The Kamelet pulls the component artifact (src/component/pom.xml: no Quarkus application, no simulator), not
     * the application; the artifact's version is the project's.
     */
    @Test
    void theConnectorDependencyIsTheComponentArtifactOfThisVersion() throws IOException {
        String version = versionOf(Path.of("pom.xml"));
        String component = Files.readString(Path.of("src/component/pom.xml"));
        String artifactId = between(component.substring(component.indexOf("</modelVersion>")), "<artifactId>", "</artifactId>");
        assertEquals(version, versionOf(Path.of("src/component/pom.xml")), "the component's pom has the project's version");
        List<String> ours = new ArrayList<>();
        kamelet.at("/spec/dependencies").forEach(d -> {
            if (d.asText().startsWith("mvn:org.magentokafka:")) {
                ours.add(d.asText());
            }
        });
        assertEquals(List.of("mvn:org.magentokafka:" + artifactId + ":" + version), ours);
    }

    private static String versionOf(Path pom) throws IOException {
        String text = Files.readString(pom);
        return between(text.substring(text.indexOf("</modelVersion>")), "<version>", "</version>");
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open) + open.length();
        return text.substring(start, text.indexOf(close, start)).strip();
    }

    /** ValidateKameletsMojo: every template parameter is an endpoint option of the component it uses. */
    @Test
    void templateParametersAreEndpointOptionsOfTheMagentoComponent() throws IOException {
        assertTrue(template.at("/from/uri").asText().startsWith("magento:"));
        JsonNode options = new ObjectMapper().readTree(COMPONENT_JSON.toFile()).path("properties");
        template.at("/from/parameters").fieldNames().forEachRemaining(p ->
                assertTrue(options.has(p), p + " is not an endpoint option of magento: (" + COMPONENT_JSON + ")"));
    }

    private static void collectParameters(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            Matcher m = PARAM.matcher(node.asText());
            while (m.find()) {
                into.add(m.group(1));
            }
        }
        // Values of objects and arrays alike (the validator inspects values only).
        node.elements().forEachRemaining(child -> collectParameters(child, into));
    }
}
