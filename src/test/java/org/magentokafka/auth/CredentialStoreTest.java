package org.magentokafka.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialStoreTest {

    @Test
    void roundTripWithOwnerOnlyPermissionsAndNoLeftovers(@TempDir Path dir) throws Exception {
        CredentialStore store = new CredentialStore(dir.resolve("sub/integration.properties"));
        assertTrue(store.load().isEmpty());
        OAuth1Credentials first = new OAuth1Credentials("ck", "c s=é:#", "at", "ats\\x");
        store.save(first);
        assertEquals(first, store.load().orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        OAuth1Credentials second = new OAuth1Credentials("ck", "cs2", "at2", "ats2");
        store.save(second);
        assertEquals(second, store.load().orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        try (var files = Files.list(store.file().getParent())) {
            assertEquals(1, files.count());
        }
    }
}
