package org.magentokafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of the component and the application, as their import lines show them: arrows point one way (no
 * package import cycle), nothing below the component's Camel classes knows them or the application, no class grows
 * past 250 lines (the options class aside), and every package imports only what docs/architecture.md says it may
 * use. Read from the sources, so it holds without a build of the jars.
 */
class ArchitectureTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/component/java"), Path.of("src/main/java"));
    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final String ROOT = "org.magentokafka";
    private static final String COMPONENT = ROOT + ".component";
    private static final String APP = ROOT + ".app";
    private static final int MAX_LINES = 250;
    /** The @UriParams class: one field, getter and documented setter per option, generated configurers read it. */
    private static final Set<String> LONG_ALLOWED = Set.of("MagentoConfiguration.java");

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(org\\.magentokafka\\.[\\w.]+(?:\\.\\*)?)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE_NAME = Pattern.compile("`(org\\.magentokafka(?:\\.[a-z][a-z0-9_]*)*)`");

    /** One source file: where it is, its package, its length and its imports of the connector's packages. */
    private record Source(Path file, String pkg, int lines, List<Import> imports) {
    }

    /** One import line and the package it reaches. */
    private record Import(String line, String pkg) {
    }

    private static List<Source> sources;
    /** package → package it imports → where (file and import line). */
    private static Map<String, Map<String, List<String>>> edges;

    @BeforeAll
    static void read() throws IOException {
        sources = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    sources.add(source(file));
                }
            }
        }
        edges = new TreeMap<>();
        for (Source s : sources) {
            Map<String, List<String>> out = edges.computeIfAbsent(s.pkg(), k -> new TreeMap<>());
            for (Import i : s.imports()) {
                if (!i.pkg().equals(s.pkg())) {
                    out.computeIfAbsent(i.pkg(), k -> new ArrayList<>()).add(s.file() + ": " + i.line());
                }
            }
        }
        assertTrue(sources.size() > 100, "the sources were found below " + SOURCES + " (run from the project directory)");
    }

    private static Source source(Path file) throws IOException {
        String text = Files.readString(file);
        Matcher p = PACKAGE.matcher(text);
        assertTrue(p.find(), file + " declares a package");
        List<Import> imports = new ArrayList<>();
        Matcher i = IMPORT.matcher(text);
        while (i.find()) {
            imports.add(new Import(i.group(0).strip(), packageOf(i.group(1))));
        }
        return new Source(file, p.group(1), Files.readAllLines(file).size(), imports);
    }

    /** The package of an imported name: its segments up to the first type (capitalised) or {@code *}. */
    private static String packageOf(String imported) {
        List<String> segments = new ArrayList<>();
        for (String segment : imported.split("\\.")) {
            if (segment.equals("*") || Character.isUpperCase(segment.charAt(0))) {
                break;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }

    @Test
    void noPackageImportCycle() {
        List<String> found = new ArrayList<>();
        for (Set<String> tangled : stronglyConnected()) {
            StringBuilder where = new StringBuilder("packages " + tangled + " import each other, e.g.");
            List<String> cycle = shortestCycle(tangled);
            for (int i = 0; i + 1 < cycle.size(); i++) {
                List<String> lines = edges.get(cycle.get(i)).get(cycle.get(i + 1));
                where.append("\n  ").append(cycle.get(i)).append(" -> ").append(cycle.get(i + 1)).append(": ")
                        .append(lines.get(0)).append(lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : "");
            }
            found.add(where.toString());
        }
        assertEquals(List.of(), found, "arrows point one way: no package import cycle");
    }

    @Test
    void nothingBelowTheComponentKnowsItOrTheApplication() {
        List<String> found = new ArrayList<>();
        for (Source s : sources) {
            for (Import i : s.imports()) {
                boolean component = i.pkg().equals(COMPONENT) && !s.pkg().equals(COMPONENT) && !s.pkg().equals(APP);
                boolean app = i.pkg().equals(APP) && !s.pkg().equals(APP);
                if (component || app) {
                    found.add(s.file() + ": " + i.line());
                }
            }
        }
        assertEquals(List.of(), found, "only the application uses " + COMPONENT + ", nothing uses " + APP
                                       + " (the parts see the endpoint through their own narrow interfaces)");
    }

    @Test
    void noClassIsLongerThan250Lines() {
        List<String> found = new ArrayList<>();
        for (Source s : sources) {
            if (s.lines() > MAX_LINES && !LONG_ALLOWED.contains(s.file().getFileName().toString())) {
                found.add(s.file() + ": " + s.lines() + " lines");
            }
        }
        assertEquals(List.of(), found, "a class over " + MAX_LINES + " lines has more than one reason to change: split it");
    }

    @Test
    void everyPackageUsesOnlyWhatTheArchitectureSays() throws IOException {
        assertTrue(Files.isRegularFile(ARCHITECTURE), ARCHITECTURE + " is missing: its section \"## Packages\" must have a"
                                                      + " table row per package, | `org.magentokafka.x` | what lives there |"
                                                      + " `org.magentokafka.y`, `org.magentokafka.z` |");
        Map<String, Set<String>> mayUse = mayUse(Files.readAllLines(ARCHITECTURE));
        Set<String> packages = new TreeSet<>(edges.keySet());
        List<String> found = new ArrayList<>();
        for (String pkg : packages) {
            if (!mayUse.containsKey(pkg)) {
                found.add(pkg + " has no row in " + ARCHITECTURE + ", section \"## Packages\"");
            }
        }
        for (Source s : sources) {
            Set<String> allowed = mayUse.get(s.pkg());
            if (allowed == null) {
                continue;
            }
            for (Import i : s.imports()) {
                if (!i.pkg().equals(s.pkg()) && !allowed.contains(i.pkg())) {
                    found.add(s.file() + ": " + i.line() + " (" + i.pkg() + " is not in the \"may use\" column of "
                              + s.pkg() + ")");
                }
            }
        }
        assertEquals(List.of(), found, ARCHITECTURE + " says which packages each package may use");
    }

    /** The table of the section "## Packages": first column the package, last column the packages it may use. */
    private static Map<String, Set<String>> mayUse(List<String> lines) {
        Map<String, Set<String>> rows = new HashMap<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals("## Packages");
                continue;
            }
            if (!inSection || !line.strip().startsWith("|")) {
                continue;
            }
            String[] cells = line.strip().split("\\|", -1);
            // "| a | b | c |" splits into "", a, b, c, "".
            if (cells.length < 5) {
                continue;
            }
            Matcher name = PACKAGE_NAME.matcher(cells[1]);
            if (!name.find()) {
                continue; // the header or the separator row
            }
            Set<String> uses = new LinkedHashSet<>();
            Matcher used = PACKAGE_NAME.matcher(cells[cells.length - 2]);
            while (used.find()) {
                uses.add(used.group(1));
            }
            rows.put(name.group(1), uses);
        }
        assertTrue(!rows.isEmpty(), ARCHITECTURE + " has a section \"## Packages\" with a table row per package");
        return rows;
    }

    /** A shortest way from the first of these packages back to it, through them only (breadth first). */
    private static List<String> shortestCycle(Set<String> tangled) {
        String start = tangled.iterator().next();
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String next : edges.getOrDefault(at, Map.of()).keySet()) {
                if (!tangled.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<String> cycle = new ArrayList<>(List.of(start));
                    for (String step = at; step != null; step = cameFrom.get(step)) {
                        cycle.add(0, step);
                    }
                    return cycle;
                }
                if (!cameFrom.containsKey(next) && !next.equals(start)) {
                    cameFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start + " in " + tangled);
    }

    /** The import cycles: each strongly connected set of more than one package (Tarjan). */
    private static List<Set<String>> stronglyConnected() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String pkg : edges.keySet()) {
            if (!index.containsKey(pkg)) {
                connect(pkg, index, low, stack, onStack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String pkg, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                                Set<String> onStack, List<Set<String>> cycles) {
        index.put(pkg, index.size());
        low.put(pkg, index.get(pkg));
        stack.push(pkg);
        onStack.add(pkg);
        for (String next : edges.getOrDefault(pkg, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, index, low, stack, onStack, cycles);
                low.put(pkg, Math.min(low.get(pkg), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(pkg, Math.min(low.get(pkg), index.get(next)));
            }
        }
        if (low.get(pkg).equals(index.get(pkg))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(pkg));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
