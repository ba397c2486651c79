package org.magentokafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority of the test's own, as a company's private CA: a server certificate (key in a PKCS12
 * keystore) for the given host names, signed by a CA that no JVM trusts, and a PKCS12 truststore holding only that
 * CA. Made with the JDK's keytool (no extra library); valid for a few days, in a fresh directory per instance.
 */
public final class PrivateCa {

    private static final String PASSWORD = "test-ca-password";

    private final Path directory;

    private PrivateCa(Path directory) {
        this.directory = directory;
    }

    /** @param hostNames DNS names of the server certificate (its subject alternative names, with 127.0.0.1) */
    public static PrivateCa forHosts(String... hostNames) {
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "private-ca-");
            PrivateCa ca = new PrivateCa(dir);
            StringBuilder san = new StringBuilder("san=");
            for (String host : hostNames) {
                san.append("dns:").append(host).append(',');
            }
            san.append("ip:127.0.0.1");
            ca.keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Connector Test CA",
                    "-ext", "bc:c", "-validity", "3", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
            ca.keytool("-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-rfc", "-file", "ca.pem");
            ca.keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + hostNames[0],
                    "-validity", "3", "-keystore", "server.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
            ca.keytool("-certreq", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD, "-file", "server.csr");
            ca.keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-infile", "server.csr",
                    "-outfile", "server.pem", "-rfc", "-validity", "3", "-ext", san.toString(),
                    "-ext", "ku:c=digitalSignature,keyEncipherment", "-ext", "eku=serverAuth");
            // The CA first, so keytool can chain the signed reply to the server's key.
            ca.keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-keystore", "server.p12", "-storepass", PASSWORD, "-noprompt");
            ca.keytool("-importcert", "-alias", "server", "-file", "server.pem", "-keystore", "server.p12", "-storepass", PASSWORD,
                    "-noprompt");
            ca.keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-keystore", "truststore.p12", "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-noprompt");
            return ca;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's certificate chain and private key (PKCS12, password {@link #password()}). */
    public Path serverKeystore() {
        return directory.resolve("server.p12");
    }

    /** Only the CA's certificate (PKCS12, password {@link #password()}): what a client must trust. */
    public Path truststore() {
        return directory.resolve("truststore.p12");
    }

    public String password() {
        return PASSWORD;
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
