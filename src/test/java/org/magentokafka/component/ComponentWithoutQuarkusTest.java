package org.magentokafka.component;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magentokafka.change.FileStateStore;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;

/**
 * The magento: component in a plain Camel context (no Quarkus, no CDI, no application.properties: what a Camel
 * Main, JBang, Spring Boot or Karaf user has): found on the classpath by its service file, configured by option
 * names, it reads the products of the sandbox store and keeps its state in the file state store. (Camel Main's
 * property auto-configuration is not used here: on this shared test classpath it would also pick up the Quarkus
 * application's configuration through camel-microprofile-config.)
 */
class ComponentWithoutQuarkusTest {

    private static final int PRODUCTS = 60;

    @Test
    void productsArriveInAPlainCamelContextAndTheFileStateRecordsHowFarTheSyncGot(@TempDir Path stateDirectory) throws Exception {
        ConcurrentLinkedQueue<Map<?, ?>> products = new ConcurrentLinkedQueue<>();
        try (SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(PRODUCTS).build())) {
            CamelContext camel = new DefaultCamelContext();
            // Configured as any Camel runtime configures a component: options bound by name, no Quarkus config.
            PropertyBindingSupport.build().bind(camel, camel.getComponent("magento"), new HashMap<>(Map.<String, Object>of(
                    "baseUrl", store.baseUrl(),
                    "accessToken", store.options().accessToken(),
                    "stateStore", "file",
                    "stateDirectory", stateDirectory.toString())));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("magento:products?pageSize=25").split(body())
                            .process(e -> products.add(e.getMessage().getBody(Map.class)));
                }
            });
            camel.start();
            try {
                MagentoComponent component = camel.getComponent("magento", MagentoComponent.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> products.size() >= PRODUCTS
                        && component.pollStatus("products").lastSuccess() != null);
            } finally {
                camel.close();
            }
        }

        Set<String> skus = new TreeSet<>();
        products.forEach(p -> skus.add((String) p.get("sku")));
        assertEquals(PRODUCTS, skus.size(), "every product of the store, once: " + skus);
        String newest = products.stream().map(p -> (String) p.get("updated_at")).max(String::compareTo).orElseThrow();
        Path file = stateDirectory.resolve("products.default.state");
        assertTrue(Files.exists(file), "the file state store keeps its file in the state directory: " + List.of(stateDirectory.toFile().list()));
        try (FileStateStore state = new FileStateStore(file)) {
            assertEquals(newest, state.watermark(), "the next poll reads only what changed after the newest product seen");
        }
    }
}
