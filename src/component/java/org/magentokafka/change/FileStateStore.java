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
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State kept in a local append-only file: one line per committed key version, one per watermark. Needs no
 * server and survives restarts; the file is compacted when it is opened. A torn last line (the process was
 * killed while writing) is ignored: it was never acknowledged as committed.
 * <p>
 * Lines: {@code V<TAB>hash-hex<TAB>sequence<TAB>key} (hash {@code -} once the key was deleted: it keeps its
 * sequence), {@code W<TAB>-<TAB>watermark}, {@code P<TAB>-<TAB>1|0} (a full pass requested or served) and
 * {@code R<TAB>1|0<TAB>key} (a key to publish again, or served), each ending in {@code <TAB>#crc32-hex} of what precedes it, after a
 * first line {@code F<TAB>2}. A torn write anywhere (a full disk, then more appends) cannot pass for a record: a
 * line whose checksum does not match is skipped, said once when the file is opened (its key is then published
 * again, never lost), and after a failed write the next record starts on a line of its own. Files of earlier
 * versions (no {@code F} line, no checksums; {@code H<TAB>hash<TAB>key}, {@code D<TAB>-<TAB>key}, no sequences)
 * are read as they were and rewritten in this format.
 */
public final class FileStateStore extends IndexedStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileStateStore.class);
    private static final String FORMAT = "F\t2";

    private final Path file;
    private FileChannel channel;
    /** A write failed part-way: the file may end in a torn line, which the next record must not continue. */
    private boolean torn;

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
        int damaged = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            boolean checked = FORMAT.equals(line);
            if (checked) {
                line = in.readLine();
            }
            while (line != null) {
                String next = in.readLine();
                if (next != null || lastLineComplete) {
                    String record = checked ? verified(line) : line;
                    if (record == null || !apply(record)) {
                        damaged++;
                    }
                }
                line = next;
            }
        }
        if (damaged > 0) {
            LOG.warn("state file {}: {} damaged line(s) skipped (a torn or interrupted write); the keys they held are"
                     + " published again by the next full pass, nothing is lost", file, damaged);
        }
    }

    /** The record of a checksummed line, or null when its checksum is missing or wrong. */
    private static String verified(String line) {
        int mark = line.lastIndexOf("\t#");
        if (mark < 0) {
            return null;
        }
        String record = line.substring(0, mark);
        return line.substring(mark + 2).equals(crc(record)) ? record : null;
    }

    private static String crc(String record) {
        CRC32 crc = new CRC32();
        crc.update(record.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
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

    /** @return false for a line this version cannot read */
    private boolean apply(String line) {
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
                case "P" -> fullPass = "1".equals(line.split("\t", 3)[2]);
                case "R" -> {
                    String[] request = line.split("\t", 3);
                    if ("1".equals(request[1])) {
                        republish.add(unescape(request[2]));
                    } else {
                        republish.remove(unescape(request[2]));
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false; // a line this version cannot read (damaged by hand or by a disk): skipped like a torn one
        }
    }

    private void compact() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder out = new StringBuilder(hashes.size() * 54).append(FORMAT).append('\n');
        hashes.forEachVersion((k, v) -> line(out, k, v));
        if (watermark != null) {
            checked(out, "W\t-\t" + watermark);
        }
        if (fullPass) {
            checked(out, "P\t-\t1");
        }
        republish.forEach(k -> checked(out, "R\t1\t" + escape(k)));
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            c.write(ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8)));
            c.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void line(StringBuilder out, String key, KeyVersion version) {
        checked(out, "V\t" + (version.live() ? ContentHash.hex(version.hash()) : "-") + '\t' + version.sequence() + '\t'
                     + escape(key));
    }

    private static void checked(StringBuilder out, String record) {
        out.append(record).append("\t#").append(crc(record)).append('\n');
    }

    @Override
    protected void persist(Map<String, KeyVersion> changes) {
        StringBuilder out = new StringBuilder();
        changes.forEach((k, v) -> line(out, k, v));
        append(out);
    }

    @Override
    protected void persistWatermark(String value) {
        StringBuilder out = new StringBuilder();
        checked(out, "W\t-\t" + value);
        append(out);
    }

    @Override
    protected void persistFullPass(boolean requested) {
        StringBuilder out = new StringBuilder();
        checked(out, "P\t-\t" + (requested ? "1" : "0"));
        append(out);
    }

    @Override
    protected void persistRepublish(Collection<String> keys, boolean requested) {
        StringBuilder out = new StringBuilder();
        keys.forEach(k -> checked(out, "R\t" + (requested ? "1" : "0") + "\t" + escape(k)));
        append(out);
    }

    private void append(StringBuilder lines) {
        try {
            if (torn) {
                lines.insert(0, '\n'); // ends whatever the failed write left, so this record is a line of its own
            }
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
            torn = false;
        } catch (IOException e) {
            torn = true;
            throw new UncheckedIOException("Cannot write the state file " + file + ": " + e.getMessage()
                                           + ". Fix: free space on magento.state.directory's volume; the page is read again", e);
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
