package org.magentokafka.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Keeps the integration's credentials in a properties file only its owner can read. The file is written to a
 * temporary file created with those permissions and moved into place, so no reader ever sees a partial file
 * and the secrets are never readable by others, not even for a moment.
 */
public final class CredentialStore {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public CredentialStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    public synchronized void save(OAuth1Credentials credentials) {
        Properties p = new Properties();
        p.setProperty("consumer-key", credentials.consumerKey());
        p.setProperty("consumer-secret", credentials.consumerSecret());
        p.setProperty("access-token", credentials.accessToken());
        p.setProperty("access-token-secret", credentials.accessTokenSecret());
        Path dir = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = posix(dir) ? Files.createTempFile(dir, ".credentials", ".tmp", ownerOnly())
                    : Files.createTempFile(dir, ".credentials", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                p.store(out, "Magento integration credentials; keep private");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write integration credentials to " + file + " (" + e.getMessage()
                    + "): make its directory writable by the connector's user", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure matters more
                }
            }
        }
    }

    /** Empty when no integration was activated yet. */
    public synchronized Optional<OAuth1Credentials> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read integration credentials from " + file + " (" + e.getMessage()
                    + "): make it readable by the connector's user", e);
        }
        String[] keys = {"consumer-key", "consumer-secret", "access-token", "access-token-secret"};
        for (String key : keys) {
            if (p.getProperty(key, "").isBlank()) {
                throw new IllegalStateException("integration credentials file " + file + " has no " + key
                        + ": delete it and click Reauthorize on the integration in the Magento admin");
            }
        }
        return Optional.of(new OAuth1Credentials(p.getProperty(keys[0]), p.getProperty(keys[1]),
                p.getProperty(keys[2]), p.getProperty(keys[3])));
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }

    @Override
    public String toString() {
        return "CredentialStore[" + file + "]";
    }
}
