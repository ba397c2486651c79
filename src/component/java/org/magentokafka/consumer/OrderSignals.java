package org.magentokafka.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.magentokafka.client.MagentoException;
import org.magentokafka.storefront.SalesFeed;
import org.magentokafka.stream.MagentoStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders move salable quantities through reservations only: no product or source item changes, so only a scan
 * would see them. With {@code orderSignals} on, each products poll first reads the orders changed since the last
 * one (and every {@code creditMemoInterval} the credit memos) as {@link ChangedOrders} feeds, and asks for their
 * items' products again in every store view it reads: the same poll publishes them with their salable state, so an
 * order that sells a product out reaches Kafka within a poll interval plus the look-up (a configurable follows from
 * its child's event, {@code SkuRepublisher}). A feed's watermark moves after the poll, once those products were
 * published.
 * <p>
 * Optional by nature: reading orders needs a sales grant the catalog setup guides do not give, so a refusal (or any
 * failure) never holds the products poll: it is said once ({@link SignalAvailability}) and the salable-quantity scan
 * and the stock index find order-driven changes meanwhile. Its freshness is {@code order-signals}: a round is the
 * whole products poll, which publishes what it read.
 */
public final class OrderSignals {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSignals.class);
    public static final String STATUS = "order-signals";
    static final String STATE = "order-signals";

    private final StreamContext endpoint;
    private final PollStatus status;
    private final Feed orders;
    private final Feed creditMemos;
    private final Duration creditMemoInterval;
    private long creditMemosReadAt;
    private boolean creditMemosRead;
    private Duration pollInterval;
    /** Why this round's read failed, or null: the round then fails with the products poll's success. */
    private String readFailure;

    /** One feed and what the operator is told about it. */
    private record Feed(ChangedOrders changes, SignalAvailability availability) {
    }

    private OrderSignals(StreamContext endpoint) {
        this.endpoint = endpoint;
        this.status = endpoint.signalStatus(STATUS);
        this.creditMemoInterval = endpoint.getConfiguration().getCreditMemoInterval();
        String standIn = "order-driven stock changes are found by the stock index and the salable-quantity scan";
        this.orders = feed(SalesFeed.ORDERS, standIn);
        this.creditMemos = feed(SalesFeed.CREDIT_MEMOS, standIn);
    }

    /** The order signals of a products endpoint that asked for them; null otherwise (guests never see stock). */
    public static OrderSignals of(StreamContext endpoint) {
        boolean wanted = endpoint.stream() == MagentoStream.PRODUCTS && endpoint.getConfiguration().isOrderSignals();
        return wanted && !endpoint.guest() ? new OrderSignals(endpoint) : null;
    }

    private Feed feed(SalesFeed feed, String standIn) {
        ChangedOrders changes = new ChangedOrders(feed.resource(), endpoint.stateOf(STATE, feed.stateScope()),
                endpoint.getConfiguration().getWatermarkOverlap(), endpoint.getConfiguration().getWatermarkSlack(),
                endpoint.getConfiguration().getPageSize());
        return new Feed(changes, new SignalAvailability(endpoint, LOG, "order signals", feed.grant(),
                "GET " + feed.resource(), standIn));
    }

    /** The products consumer started polling at this interval. */
    public void started(Duration pollInterval) {
        this.pollInterval = pollInterval;
        status.consumerStarted(pollInterval);
    }

    public void stopped() {
        status.consumerStopped();
    }

    /**
     * At the start of a products poll, once every store view synced (a full pass reads every product anyway): reads
     * what changed and asks for those products again. Never throws: the products poll goes on whatever happens here.
     */
    public void read() {
        if (!synced()) {
            return;
        }
        readFailure = null;
        if (orders.availability().waiting() && creditMemos.availability().waiting()) {
            status.consumerStopped(); // refused or missing: not judged while the scans stand in
            return;
        }
        if (!status.running()) {
            status.consumerStarted(pollInterval);
        }
        status.started();
        Set<String> skus = new LinkedHashSet<>(read(orders));
        long now = System.nanoTime();
        if (!creditMemosRead || now - creditMemosReadAt >= creditMemoInterval.toNanos()) {
            creditMemosRead = true;
            creditMemosReadAt = now;
            skus.addAll(read(creditMemos));
        }
        if (!skus.isEmpty()) {
            endpoint.storeCodes().forEach(store -> endpoint.store().signals().republish(store, skus));
            LOG.debug("magento:{} order signals: {} products asked for again", endpoint.getStream(), skus.size());
        }
    }

    /**
     * After a products poll that succeeded: the SKUs the feeds asked for before it were taken by every store view's
     * pass and published (its pages awaited Kafka's acknowledgement), unless a pass ended inconsistent, which gives
     * them back: only a consistent poll moves the feeds' watermarks. (Not judged by what is waiting now: the stock
     * index may ask for the same SKUs again meanwhile, which does not undo this poll's publishing.)
     */
    public void published(boolean consistent) {
        if (!synced() || !status.running()) {
            return;
        }
        if (consistent) {
            orders.changes().commit();
            creditMemos.changes().commit();
        }
        if (readFailure == null) {
            status.succeeded();
        } else {
            status.failed(readFailure);
        }
    }

    /** The products poll failed: what the feeds read stays asked for, their watermarks stay where they were. */
    public void pollFailed(String message) {
        if (synced() && status.running()) {
            status.failed(message);
        }
    }

    private Set<String> read(Feed feed) {
        if (feed.availability().waiting()) {
            return Set.of();
        }
        try {
            Set<String> skus = feed.changes().read(endpoint.client(endpoint.storeCodes().get(0)), Instant.now());
            feed.availability().recovered();
            return skus;
        } catch (MagentoException e) {
            readFailure = e.getMessage();
            feed.availability().failed(e);
        } catch (RuntimeException e) {
            readFailure = "unexpected failure: " + e;
            feed.availability().failed(e);
        }
        return Set.of();
    }

    /** Whether every store view's products synced once (have a watermark). */
    private boolean synced() {
        return endpoint.storeCodes().stream().allMatch(store -> endpoint.state(store).watermark() != null);
    }
}
