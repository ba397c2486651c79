package org.magentokafka.app;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.magentokafka.component.MagentoComponent;
import org.magentokafka.component.PollStatus;

/**
 * Readiness per stream from what its polls actually did: DOWN when a stream failed several polls in a row (store
 * unreachable or refusing, Kafka down) or when a poll has been running far too long (a hanging poll, which Camel's
 * own consumer check reports as UP). Details name the stream, the age of its last success and the last error.
 */
@Readiness
@ApplicationScoped
public class PollReadiness implements HealthCheck {

    @Inject
    CamelContext camel;

    @Inject
    ConnectorSettings settings;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("magento-streams").up();
        Duration stale = settings.healthStaleAfter();
        int maxFailedPolls = settings.healthMaxFailedPolls();
        Map<String, PollStatus> statuses = camel.getComponent("magento", MagentoComponent.class).pollStatuses();
        for (Map.Entry<String, PollStatus> e : statuses.entrySet()) {
            PollStatus s = e.getValue();
            String stream = e.getKey();
            response.withData(stream + ".last-success-age-seconds", s.lastSuccess() == null ? -1 : s.secondsSinceSuccess());
            response.withData(stream + ".failed-polls", s.consecutiveFailures());
            if (s.pagesTotal() > 0) {
                response.withData(stream + ".pages", s.pagesDone() + "/" + s.pagesTotal());
            }
            boolean failing = s.consecutiveFailures() >= maxFailedPolls;
            boolean hanging = s.runningFor().compareTo(stale) > 0;
            if (failing || hanging) {
                response.down();
                response.withData(stream + ".problem", hanging ? "a poll has been running for " + s.runningFor().toSeconds()
                                                                 + " s (magento.health.stale-after=" + stale.toSeconds() + " s)"
                        : s.lastError() == null ? "failing" : s.lastError());
            }
        }
        return response.build();
    }
}
