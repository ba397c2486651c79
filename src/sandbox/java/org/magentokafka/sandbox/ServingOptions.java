package org.magentokafka.sandbox;

import java.nio.file.Path;

/**
 * The serving half of {@link SandboxOptions}: where the store listens and how it answers (TLS, page-size limit,
 * latency, deep-OFFSET cost, injected faults, the web server's gzip). Kept apart from {@link AccessOptions} because it changes with the
 * transport a test needs, not with Magento's authentication.
 */
record ServingOptions(int port, String host, Path tlsKeystore, String tlsKeystorePassword, int maxPageSize,
                      long latencyMillis, long offsetCostMicros, Faults faults, boolean gzip) {

    /** Never the keystore password: a record's default toString would print it. */
    @Override
    public String toString() {
        return "ServingOptions[port=" + port + ", host=" + host + ", tls=" + (tlsKeystore != null)
                + ", maxPageSize=" + maxPageSize + ", latencyMillis=" + latencyMillis
                + ", offsetCostMicros=" + offsetCostMicros + ", faults=" + faults + ", gzip=" + gzip + "]";
    }
}
