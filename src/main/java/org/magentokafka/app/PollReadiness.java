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
import org.magentokafka.consumer.PollStatus;

/**
 * Readiness per stream from what its polls actually did: DOWN when a stream failed several polls in a row (store
 * unreachable or refusing, Kafka down), when a poll has been running far too long (a hanging poll, which Camel's
 * own consumer check reports as UP), or when its data is older than several of its expected cycles
 * ({@link FreshnessVerdict}). Details name the stream, the age of its last success, its freshness and expected
 * cycle, and the problem. A standby replica, whose streams do not run, stays ready.
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
        MagentoComponent magento = camel.getComponent("magento", MagentoComponent.class);
        Map<String, PollStatus> statuses = magento.pollStatuses();
        // Optional parts the events carry as unknown (a grant or module is missing): listed, never DOWN, since the
        // connector publishes everything else.
        magento.enrichment().unknownDetails().forEach((part, why) -> response.withData("unknown." + part, why));
        for (Map.Entry<String, PollStatus> e : statuses.entrySet()) {
            PollStatus s = e.getValue();
            String stream = e.getKey();
            response.withData(stream + ".last-success-age-seconds", s.lastSuccess() == null ? -1 : s.secondsSinceSuccess());
            response.withData(stream + ".failed-polls", s.consecutiveFailures());
            if (s.pagesTotal() > 0) {
                response.withData(stream + ".pages", s.pagesDone() + "/" + s.pagesTotal());
            }
            Duration expected = s.refreshCycle();
            if (s.running()) {
                response.withData(stream + ".freshness-seconds", s.freshnessSeconds());
                if (expected != null) {
                    response.withData(stream + ".expected-cycle-seconds", FreshnessVerdict.wholeSeconds(expected));
                }
            }
            // A stream that does not run here (this replica stands by) is not judged: its figures are history.
            boolean failing = s.running() && s.consecutiveFailures() >= maxFailedPolls;
            boolean hanging = s.runningFor().compareTo(stale) > 0;
            String outdated = FreshnessVerdict.problem(stream, s, settings.healthMaxFreshnessCycles());
            if (failing || hanging || outdated != null) {
                response.down();
                response.withData(stream + ".problem", hanging ? "a poll has been running for " + s.runningFor().toSeconds()
                                                                 + " s (magento.health.stale-after=" + stale.toSeconds() + " s)"
                        : failing ? (s.lastError() == null ? "failing" : s.lastError())
                        // Stale because its polls fail: say why, not only that it is old.
                        : s.consecutiveFailures() > 0 && s.lastError() != null ? outdated + "; last poll: " + s.lastError() : outdated);
            }
        }
        return response.build();
    }
}
