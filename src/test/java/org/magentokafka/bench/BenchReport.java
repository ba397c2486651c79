package org.magentokafka.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The report a run prints at the end and writes to {@code target/bench/<run>.md}: Markdown lines. */
final class BenchReport {

    private final StringBuilder text = new StringBuilder();

    void line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    Path write(String name) throws IOException {
        Path out = Path.of("target/bench", name + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text.toString());
        return out;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String seconds(double s) {
        if (s >= 120) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f s", s);
    }
}
