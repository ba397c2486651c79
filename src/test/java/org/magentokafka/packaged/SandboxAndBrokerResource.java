package org.magentokafka.packaged;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.TestKafka;

/** The simulator and the shared broker for the {@code @QuarkusIntegrationTest} suite, configured as an operator would. */
public class SandboxAndBrokerResource implements QuarkusTestResourceLifecycleManager {

    static final String TOPIC = "packaged.products";
    private SandboxStore store;

    @Override
    public Map<String, String> start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(80).storeCodes(List.of("default")).build());
        return Map.of(
                "magento.base-url", store.baseUrl(),
                "magento.auth.access-token", token(store),
                "magento.poll-interval", "1s",
                "magento.streams.products.topic", TOPIC,
                "magento.state.directory", "target/it-state/packaged-" + System.nanoTime(),
                "kafka.bootstrap.servers", TestKafka.bootstrapServers());
    }

    /** The credential the packaged app is given. */
    protected String token(SandboxStore store) {
        return store.options().accessToken();
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
    }
}
