package org.magentokafka.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the option tables of docs/configuration.md from their sources, so the reference cannot drift from what the
 * connector reads: the operator's properties from application.properties (its sections, each property's comment,
 * default and environment variable) and the magento: endpoint options from the component metadata the Camel build
 * generates (magento.json, from MagentoConfiguration's javadoc). Run by the build (pom.xml, execution
 * "configuration-reference"); CI fails when the committed file differs from what the build wrote, like src/generated.
 */
public final class ConfigurationReference {

    static final String PROPERTIES = "application.properties";
    static final String ENDPOINT = "magento endpoint options";

    private ConfigurationReference() {
    }

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        Path doc = project.resolve("docs/configuration.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String properties = propertiesTables(Files.readAllLines(project.resolve("application.properties"), StandardCharsets.UTF_8));
        JsonNode metadata = new ObjectMapper().readTree(
                project.resolve("src/generated/resources/META-INF/org/magentokafka/component/magento.json").toFile());
        String updated = replaceRegion(replaceRegion(text, PROPERTIES, properties), ENDPOINT, endpointTable(metadata));
        if (!updated.equals(text)) {
            Files.writeString(doc, updated, StandardCharsets.UTF_8);
            System.out.println("[configuration-reference] docs/configuration.md updated: commit it");
        }
    }

    /** Replaces what lies between the region's BEGIN and END markers; a missing marker is a broken document. */
    static String replaceRegion(String text, String region, String content) {
        String begin = "<!-- BEGIN GENERATED: " + region + " -->";
        String end = "<!-- END GENERATED: " + region + " -->";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalStateException("docs/configuration.md lacks the markers '" + begin + "' ... '" + end
                                            + "': put them back where the generated table belongs");
        }
        return text.substring(0, b + begin.length()) + "\n" + content + text.substring(e);
    }

    /**
     * One table per section of application.properties ({@code # --- Title ---} or a banner's title line); a comment
     * block and the properties right below it are one row (properties that share a comment are read together).
     */
    static String propertiesTables(List<String> lines) {
        StringBuilder out = new StringBuilder();
        List<String> comment = new ArrayList<>();
        List<String[]> properties = new ArrayList<>();
        boolean inBanner = false;
        String bannerTitle = null;
        boolean seenFirstSection = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("# ====")) {
                flushRow(out, comment, properties);
                comment.clear();
                inBanner = !inBanner;
                if (inBanner) {
                    bannerTitle = null;
                } else if (seenFirstSection && bannerTitle != null) {
                    out.append("\n### ").append(bannerTitle).append("\n\n").append(HEADER);
                }
                continue;
            }
            if (inBanner) {
                if (bannerTitle == null && line.startsWith("#")) {
                    bannerTitle = title(line.substring(1));
                }
                continue;
            }
            if (line.startsWith("# ---")) {
                flushRow(out, comment, properties);
                seenFirstSection = true;
                out.append("\n### ").append(title(line.replaceAll("^#\\s*-+\\s*|\\s*-+$", ""))).append("\n\n").append(HEADER);
                comment.clear();
            } else if (line.startsWith("#")) {
                if (!properties.isEmpty()) {
                    flushRow(out, comment, properties);
                    comment.clear();
                }
                comment.removeIf(String::isEmpty);
                String text = line.substring(1);
                int indent = text.length() - text.stripLeading().length();
                boolean afterItem = comment.stream().anyMatch(c -> c.startsWith("<br>"));
                // An indented comment line starts an item of a list (more indented: the item goes on), and the text
                // after a list starts a line of its own: both keep their line in the table.
                comment.add((indent > 1 && indent <= 4) || (indent <= 1 && afterItem)
                        ? "<br>" + text.strip().replaceAll("\\s{2,}", " ") : text.strip());
            } else if (line.isEmpty()) {
                flushRow(out, comment, properties);
                comment.clear();
            } else if (seenFirstSection && line.contains("=")) {
                int eq = line.indexOf('=');
                properties.add(new String[] {line.substring(0, eq).strip(), line.substring(eq + 1).strip()});
            }
        }
        flushRow(out, comment, properties);
        return out.toString().stripLeading();
    }

    private static final String HEADER = "| property | environment variable | default | meaning |\n|---|---|---|---|\n";

    private static String title(String line) {
        String t = line.strip();
        int end = t.length();
        for (String stop : new String[] {" (", ", "}) {
            int at = t.indexOf(stop);
            end = at > 0 ? Math.min(end, at) : end;
        }
        return t.substring(0, end);
    }

    private static void flushRow(StringBuilder out, List<String> comment, List<String[]> properties) {
        if (properties.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        for (String[] p : properties) {
            names.add(code(p[0]));
            variables.add(code(environmentVariable(p[0])));
            defaults.add(p[1].isEmpty() ? "" : code(p[1]));
        }
        String meaning = String.join(" ", comment.stream().filter(c -> !c.isEmpty()).map(c -> c.startsWith("<br>")
                ? "<br>" + escape(c.substring(4)) : escape(c)).toList()).replace(" <br>", "<br>");
        out.append("| ").append(String.join("<br>", names))
                .append(" | ").append(String.join("<br>", variables))
                .append(" | ").append(String.join("<br>", defaults))
                .append(" | ").append(meaning).append(" |\n");
        properties.clear();
    }

    /** Quarkus' rule: upper case, every character other than a letter or a digit becomes '_'. */
    static String environmentVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The magento: endpoint options (path and query parameters) as Camel's catalog has them. */
    static String endpointTable(JsonNode metadata) {
        StringBuilder out = new StringBuilder("| option | group | type | default | description |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> option : metadata.path("properties").properties()) {
            JsonNode o = option.getValue();
            String type = o.path("type").asText();
            if (o.has("enum")) {
                List<String> values = new ArrayList<>();
                o.path("enum").forEach(v -> values.add(v.asText()));
                type = String.join(", ", values);
            }
            String name = "path".equals(o.path("kind").asText()) ? option.getKey() + " (path)" : option.getKey();
            out.append("| ").append(code(name))
                    .append(" | ").append(o.path("group").asText())
                    .append(" | ").append(cell(type))
                    .append(" | ").append(o.hasNonNull("defaultValue") ? code(o.path("defaultValue").asText()) : "")
                    .append(" | ").append(cell(o.path("description").asText()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String code(String text) {
        return "`" + text.replace("|", "\\|") + "`";
    }

    private static String cell(String text) {
        return escape(text).replace("\n", " ");
    }

    /** Markdown table text: a '|' would end the cell, and {@code <topic>} would be read as an HTML tag. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
