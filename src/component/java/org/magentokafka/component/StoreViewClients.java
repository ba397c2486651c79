package org.magentokafka.component;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.magentokafka.auth.Authenticator;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.RetryPolicy;
import org.magentokafka.client.StoreAddress;

/**
 * An endpoint's clients, one per store view it reads, each with its view for scans (paced by the store's scan
 * budget): built when the endpoint starts, without calling the store, and dropped when it stops.
 */
final class StoreViewClients {

    private final MagentoEndpoint endpoint;
    private final Map<String, MagentoClient> clients = new LinkedHashMap<>();
    private final Map<String, MagentoClient> scanClients = new LinkedHashMap<>();

    StoreViewClients(MagentoEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Builds the clients: through the store's gate, HTTP client and authenticators, shared with its other streams. */
    void open() {
        MagentoConfiguration configuration = endpoint.getConfiguration();
        Duration read = configuration.getReadTimeout();
        HttpClient http = endpoint.getComponent().httpClientFor(configuration);
        StoreContext store = endpoint.store();
        RetryPolicy retry = new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryBaseDelay(),
                configuration.getRetryMaxDelay());
        for (String code : endpoint.storeCodes()) {
            StoreAddress address = new StoreAddress(configuration.getBaseUrl(), configuration.getRestPath(), code);
            Authenticator authenticator = store.authenticators().forStore(configuration, address, http);
            MagentoClient client = new MagentoClient(address, authenticator,
                    store.gate(maxConcurrency(configuration), configuration.getMaxRequestsPerSecond()),
                    http, read, endpoint.mapper(), retry, endpoint.getComponent().clientMetrics())
                    .withMaxBodyBytes(configuration.getMaxResponseBytes());
            clients.put(code, client);
            // Without a budget, scans run as before: at foreground speed, through the foreground client.
            scanClients.put(code, endpoint.scanBudget().paced() ? client.paced(endpoint.scanBudget()) : client);
        }
    }

    void close() {
        clients.values().forEach(MagentoClient::close);
        clients.clear();
        scanClients.clear();
    }

    MagentoClient client(String storeCode) {
        MagentoClient client = clients.get(storeCode);
        if (client == null) {
            throw new IllegalStateException("Endpoint " + endpoint.getEndpointUri() + " is not started or does not read store view '"
                                            + storeCode + "'");
        }
        return client;
    }

    MagentoClient scanClient(String storeCode) {
        client(storeCode); // the same one-line failure as client() when not started or not one of its store views
        return scanClients.get(storeCode);
    }

    private static int maxConcurrency(MagentoConfiguration configuration) {
        int n = configuration.getMaxConcurrency();
        OptionValues.checkRange("maxConcurrency", "magento.max-concurrency", n);
        return n;
    }
}
