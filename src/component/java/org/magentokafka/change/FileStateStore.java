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
import java.util.Map;

/**
 * State kept in a local append-only file: one line per committed key version, one per watermark. Needs no
 * server and survives restarts; the file is compacted when it is opened. A torn last line (the process was
 * killed while writing) is ignored: it was never acknowledged as committed.
 * <p>
 * Lines: {@code V<TAB>hash-hex<TAB>sequence<TAB>key} (hash {@code -} once the key was deleted: it keeps its
 * sequence) and {@code W<TAB>-<TAB>watermark}. Files of earlier versions ({@code H<TAB>hash<TAB>key},
 * {@code D<TAB>-<TAB>key}, no sequences) are read as keys with sequence 0 and rewritten in this format.
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
        boolean lastLineComplete = endsWithNewline();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            while (line != null) {
                String next = in.readLine();
                if (next != null || lastLineComplete) {
                    apply(line);
                }
                line = next;
            }
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            if (c.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            c.read(last, c.size() - 1);
            return last.get(0) == '\n';
        }
    }

    private void apply(String line) {
        String[] parts = line.split("\t", 4);
        try {
            switch (parts[0]) {
                case "V" -> hashes.put(unescape(parts[3]), new KeyVersion(
                        parts[1].equals("-") ? null : Long.parseUnsignedLong(parts[1], 16), Integer.parseInt(parts[2])));
                case "H" -> { // earlier versions: no sequence
                    String[] legacy = line.split("\t", 3);
                    String key = unescape(legacy[2]);
                    hashes.put(key, new KeyVersion(Long.parseUnsignedLong(legacy[1], 16), hashes.version(key).sequence()));
                }
                case "D" -> hashes.remove(unescape(line.split("\t", 3)[2]));
                case "W" -> watermark = line.split("\t", 3)[2];
                default -> {
                }
            }
        } catch (RuntimeException e) {
            // a line this version cannot read (damaged by hand or by a disk): skipped like a torn one
        }
    }

    private void compact() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder out = new StringBuilder(hashes.size() * 44);
        hashes.forEachVersion((k, v) -> line(out, k, v));
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

    private static void line(StringBuilder out, String key, KeyVersion version) {
        out.append("V\t").append(version.live() ? ContentHash.hex(version.hash()) : "-").append('\t')
                .append(version.sequence()).append('\t').append(escape(key)).append('\n');
    }

    @Override
    protected void persist(Map<String, KeyVersion> changes) {
        StringBuilder out = new StringBuilder();
        changes.forEach((k, v) -> line(out, k, v));
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
