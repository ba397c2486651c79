package org.magentokafka.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of the connector's {@code /q/metrics} (Prometheus text), to read the per-stream figures:
 * {@code magento_scan_cycle_seconds{stream}} and {@code magento_freshness_seconds{stream}}. Before they exist the
 * look-ups answer null, and the report says so.
 */
final class ConnectorMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)");

    private final Map<String, Double> samples;

    private ConnectorMetrics(Map<String, Double> samples) {
        this.samples = samples;
    }

    static ConnectorMetrics scrape(int port) {
        Map<String, Double> samples = new LinkedHashMap<>();
        if (port > 0) {
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                for (String line : body.split("\n")) {
                    Matcher m = SAMPLE.matcher(line);
                    if (!line.startsWith("#") && m.find()) {
                        try {
                            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
                        } catch (NumberFormatException e) {
                            // NaN and the like: not a figure to report
                        }
                    }
                }
            } catch (Exception e) {
                System.out.println("[bench] /q/metrics could not be read: " + e);
            }
        }
        return new ConnectorMetrics(samples);
    }

    /**
     * The value of {@code name} (a gauge) for the stream, or the mean of a timer/summary ({@code _sum / _count}),
     * whatever other labels the sample has; null when the connector exports no such metric.
     */
    Double forStream(String name, String stream) {
        String label = "stream=\"" + stream + "\"";
        Double sum = null, count = null;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            String key = e.getKey();
            if (!key.contains(label)) {
                continue;
            }
            if (key.startsWith(name + "{")) {
                return e.getValue();
            } else if (key.startsWith(name + "_sum{")) {
                sum = e.getValue();
            } else if (key.startsWith(name + "_count{")) {
                count = e.getValue();
            }
        }
        return sum != null && count != null && count > 0 ? sum / count : null;
    }
}
