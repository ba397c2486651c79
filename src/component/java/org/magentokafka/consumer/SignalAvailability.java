package org.magentokafka.consumer;

import java.time.Duration;

import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.Unavailable;
import org.slf4j.Logger;

/**
 * Whether a source read on a loop of its own (the stock index, the order signals) can be read here, and what the
 * operator is told: a refusal (the integration lacks the grant) or a missing route (the module is switched off) is
 * said once, with what stands in and the fix, and the source is asked again only after {@code metadataRefresh}, so a
 * grant added later is picked up without a restart; any other failure is said once per new cause and once when it
 * recovers, never every cycle. Used by its loop's thread.
 */
public final class SignalAvailability {

    private final StreamContext endpoint;
    /** The source's own logger: its lines read as its own. */
    private final Logger log;
    private final String what;
    private final String resource;
    private final String endpointName;
    private final String standIn;
    private volatile long retryAtNanos;
    private volatile String lastSaid;

    /**
     * @param log      the source's logger
     * @param what     what the log calls the source, e.g. "stock index"
     * @param resource the ACL resource its route needs (named when a 401 does not)
     * @param endpointName the endpoint as the log names it, e.g. GET /V1/orders
     * @param standIn  what finds those changes meanwhile
     */
    public SignalAvailability(StreamContext endpoint, Logger log, String what, String resource, String endpointName, String standIn) {
        this.endpoint = endpoint;
        this.log = log;
        this.what = what;
        this.resource = resource;
        this.endpointName = endpointName;
        this.standIn = standIn;
    }

    /** Whether the source was refused or missing and is not to be asked again yet. */
    public boolean waiting() {
        return retryAtNanos != 0 && System.nanoTime() - retryAtNanos < 0;
    }

    /**
     * A failed read. Returns whether the failure lasts (refused, no route): the source then stands aside until it is
     * asked again; else (throttling, a 5xx, a proxy's page) the next cycle retries.
     */
    public boolean failed(MagentoException e) {
        Unavailable why = Unavailable.of(e, resource, endpointName);
        if (why == null) {
            // Said once per kind (the status), not per message: a cut answer's message names a different byte each time.
            say("status " + e.status(), String.format("magento:%s %s failed: %s (next cycle retries)", endpoint.getStream(),
                    what, e.getMessage()));
            return false;
        }
        Duration again = endpoint.getConfiguration().getMetadataRefresh();
        retryAtNanos = System.nanoTime() + Math.max(1, again.toNanos());
        say(why.reason(), String.format("magento:%s %s (%s) %s: %s meanwhile. Fix: %s; asked again every %d min",
                endpoint.getStream(), what, endpointName, why.reason(), standIn, why.fix(), Math.max(1, again.toMinutes())));
        return true;
    }

    /** The source has nothing to read here (e.g. no store view's scope names a stock): said once, with what stands in. */
    public void absent(String why) {
        say("absent", String.format("magento:%s %s: %s; %s", endpoint.getStream(), what, why, standIn));
    }

    /** An unexpected failure (a defect, not the store): said once per kind, retried next cycle. */
    public void failed(RuntimeException e) {
        say(e.getClass().getName(), String.format("magento:%s %s failed: unexpected failure: %s (next cycle retries)",
                endpoint.getStream(), what, e));
    }

    /** A read succeeded: a source that had failed says it is back, once. */
    public void recovered() {
        retryAtNanos = 0;
        if (lastSaid != null) {
            log.info("magento:{} {} works again", endpoint.getStream(), what);
            lastSaid = null;
        }
    }

    /** @param kind what makes two failures the same (a refusal's reason, a status, an exception's class) */
    private void say(String kind, String line) {
        if (kind.equals(lastSaid)) {
            log.debug("{} (again)", line);
        } else {
            lastSaid = kind;
            log.warn(line);
        }
    }
}
