package org.magentokafka.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The COPY instructions of a Dockerfile, per build stage (continuation lines joined). */
public final class Dockerfiles {

    public record Copy(int stage, String from, List<String> sources, String destination, String line) {
    }

    public record Parsed(List<String> stageImages, List<String> stageUsers, List<Copy> copies) {
    }

    private Dockerfiles() {
    }

    public static Parsed parse(Path dockerfile) throws IOException {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(dockerfile)) {
            String line = raw.strip();
            if (line.startsWith("#") && current.length() == 0) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            if (!current.toString().isBlank()) {
                logical.add(current.toString().strip());
            }
            current.setLength(0);
        }
        List<String> images = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        for (String line : logical) {
            String[] words = line.split("\\s+");
            String instruction = words[0].toUpperCase();
            if (instruction.equals("FROM")) {
                images.add(words[1]);
                users.add("root");
            } else if (instruction.equals("USER")) {
                users.set(users.size() - 1, words[1]);
            } else if (instruction.equals("COPY") || instruction.equals("ADD")) {
                String from = null;
                List<String> paths = new ArrayList<>();
                for (String w : Arrays.copyOfRange(words, 1, words.length)) {
                    if (w.startsWith("--from=")) {
                        from = w.substring("--from=".length());
                    } else if (!w.startsWith("--")) {
                        paths.add(w);
                    }
                }
                copies.add(new Copy(images.size() - 1, from, List.copyOf(paths.subList(0, paths.size() - 1)),
                        paths.get(paths.size() - 1), line));
            }
        }
        return new Parsed(images, users, copies);
    }
}
