package org.magentokafka.change;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

/**
 * State kept in a local append-only file: one line per committed hash or deletion, one per watermark. Needs no
 * server and survives restarts; the file is compacted when it is opened. A torn last line (the process was
 * killed while writing) is ignored: it was never acknowledged as committed.
 */
public final class FileStateStore extends IndexedStateStore {

    private final Path file;
    private FileChannel channel;

    public FileStateStore(Path file) {
        super(new CompactHashIndex(), null);
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            load();
            compact();
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the state file " + file
                                           + ": check magento.state.directory exists and is writable by the connector's user", e);
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split("\t", 3);
                if (parts.length != 3) {
                    continue; // a torn write at a crash
                }
                switch (parts[0]) {
                    case "H" -> {
                        try {
                            hashes.put(unescape(parts[2]), Long.parseUnsignedLong(parts[1], 16));
                        } catch (NumberFormatException e) {
                            // torn line
                        }
                    }
                    case "D" -> hashes.remove(unescape(parts[2]));
                    case "W" -> watermark = parts[2];
                    default -> {
                    }
                }
            }
        }
    }

    private void compact() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder out = new StringBuilder(hashes.size() * 40);
        hashes.forEach((k, h) -> out.append("H\t").append(ContentHash.hex(h)).append('\t').append(escape(k)).append('\n'));
        if (watermark != null) {
            out.append("W\t-\t").append(watermark).append('\n');
        }
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            c.write(ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8)));
            c.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    protected void persist(Map<String, Long> published, Collection<String> deleted) {
        StringBuilder out = new StringBuilder();
        published.forEach((k, h) -> out.append("H\t").append(ContentHash.hex(h)).append('\t').append(escape(k)).append('\n'));
        deleted.forEach(k -> out.append("D\t-\t").append(escape(k)).append('\n'));
        append(out);
    }

    @Override
    protected void persistWatermark(String value) {
        append(new StringBuilder("W\t-\t").append(value).append('\n'));
    }

    private void append(StringBuilder lines) {
        try {
            channel.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing after a forced write loses nothing
        }
    }

    /** Keys may hold any character (SKUs); tabs, newlines and backslashes are escaped to keep one line per record. */
    static String escape(String key) {
        return key.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' && i + 1 < key.length()) {
                char n = key.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
