package org.magentokafka.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka producer a replica of a highly available connector writes with while it holds the lease: a page's
 * events and the state that records them go out in one transaction, so they are visible together or not at all.
 * Its {@code transactional.id} belongs to the deployment (the HA group), not to the replica: the replica that takes
 * the lease over calls {@code initTransactions()} with the same id, the broker bumps the id's epoch, aborts the
 * transaction a frozen leader left open and refuses every later send or commit of that leader with
 * {@link ProducerFencedException} (zombie fencing, as Kafka Connect's exactly-once sources do it, KIP-618).
 * Readers that must not see the aborted records read {@code read_committed}.
 * <p>
 * One transaction at a time: pages of several streams wait for each other here, which is the cost of fencing.
 * A transaction is re-entrant on its thread, so a page's state writes join the page's transaction.
 */
public final class FencedWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FencedWriter.class);

    /** Told when this replica learns it was fenced: it should give up the lease and join the election again. */
    public interface FenceListener {
        void fenced(String why);
    }

    private final KafkaClientSettings settings;
    private final String transactionalId;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private KafkaProducer<byte[], byte[]> producer;
    private boolean open;
    /** Why writes are refused until the lease is taken again; null while this replica may write. */
    private volatile String refused;
    private volatile FenceListener listener = why -> {
    };

    /** @param settings the connector's Kafka client settings (the events' and the state's cluster) */
    public FencedWriter(KafkaClientSettings settings, String transactionalId) {
        this.settings = settings;
        this.transactionalId = transactionalId;
    }

    public String transactionalId() {
        return transactionalId;
    }

    public void onFenced(FenceListener listener) {
        this.listener = listener;
    }

    /**
     * This replica took the lease: a new producer under the deployment's id, which fences any other holder of it
     * and aborts what that one left open. Waits for a transaction of this replica that is still running.
     */
    public void takeOver() {
        lock.lock();
        try {
            closeProducer();
            refused = null;
            producer();
        } finally {
            lock.unlock();
        }
    }

    /** This replica gave the lease up: it writes nothing more until it takes the lease again. */
    public void release(String why) {
        lock.lock();
        try {
            refused = why;
            closeProducer();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} inside a transaction: the caller's own when it is already in one on this thread (a page's
     * state inside the page's), else a new one, committed when {@code work} returns and aborted when it throws.
     */
    public void inTransaction(Runnable work) {
        lock.lock();
        try {
            if (open) {
                work.run();
                return;
            }
            KafkaProducer<byte[], byte[]> p = producer();
            boolean committed = false;
            try {
                p.beginTransaction();
                open = true;
                work.run();
                p.commitTransaction();
                committed = true;
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                throw fenced(e);
            } catch (KafkaException e) {
                if (e.getCause() instanceof ProducerFencedException || e.getCause() instanceof InvalidProducerEpochException) {
                    throw fenced(e);
                }
                abort(p);
                throw new KafkaWriteFailure("the Kafka transaction under transactional.id " + transactionalId
                                            + " failed (" + e.getMessage() + "); nothing of it counts, it is tried again", e);
            } catch (RuntimeException e) {
                abort(p);
                throw e;
            } finally {
                open = false;
                List<Runnable> done = List.copyOf(afterCommit);
                afterCommit.clear();
                if (committed) {
                    done.forEach(Runnable::run);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends a record in the transaction this thread is in; fails when it is in none. */
    public void send(ProducerRecord<byte[], byte[]> record) {
        if (!lock.isHeldByCurrentThread() || !open) {
            throw new IllegalStateException("a fenced write outside a transaction");
        }
        producer.send(record);
    }

    /** Runs {@code action} once the current transaction committed; never when it aborts. */
    public void afterCommit(Runnable action) {
        if (!lock.isHeldByCurrentThread() || !open) {
            throw new IllegalStateException("afterCommit outside a transaction");
        }
        afterCommit.add(action);
    }

    private RuntimeException fenced(KafkaException e) {
        String why = "another replica took the lease and fenced this one (transactional.id " + transactionalId + ")";
        refused = why;
        closeProducer();
        LOG.warn("This replica was fenced: {}; what it was writing is discarded, it stands by", why);
        listener.fenced(why);
        return new KafkaWriteFailure(why, e);
    }

    private void abort(KafkaProducer<byte[], byte[]> p) {
        try {
            p.abortTransaction();
        } catch (KafkaException e) {
            // Not abortable (a fatal producer error): the next transaction starts with a new producer.
            closeProducer();
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (refused != null) {
            throw new KafkaWriteFailure("this replica does not write: " + refused, null);
        }
        if (producer == null) {
            Properties p = new Properties();
            p.putAll(settings.producer());
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(p);
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw new KafkaWriteFailure("cannot start transactions under transactional.id " + transactionalId
                        + " (" + e.getMessage() + "). Fix: the principal needs WRITE and DESCRIBE on the transactional id;"
                        + " the brokers need transaction.state.log.replication.factor brokers up", e);
            }
            producer = created;
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing the fenced producer: {}", e.toString());
            }
            producer = null;
        }
    }

    @Override
    public void close() {
        release("the connector stops");
    }

    /** A transactional write that did not happen: one line says why, the page is read again. */
    public static final class KafkaWriteFailure extends RuntimeException {
        KafkaWriteFailure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
