package org.magentokafka.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The Kafka clients of an in-process connector, with a switch: while Kafka is "unavailable" every record sent is
 * answered as a real producer answers when the broker does not acknowledge in time (the send's callback gets a
 * {@link TimeoutException}), and nothing reaches the broker. Lets a test prove what happens to the state when a
 * page is never acknowledged, without stopping the broker every test class shares.
 */
public final class KafkaAvailability extends DefaultKafkaClientFactory {

    private final AtomicBoolean available = new AtomicBoolean(true);
    private final AtomicInteger refused = new AtomicInteger();

    public void becomeUnavailable() {
        available.set(false);
    }

    public void becomeAvailable() {
        available.set(true);
    }

    /** Records refused while unavailable. */
    public int refused() {
        return refused.get();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Producer getProducer(Properties kafkaProps) {
        Producer real = super.getProducer(kafkaProps);
        return (Producer) Proxy.newProxyInstance(Producer.class.getClassLoader(), new Class<?>[] {Producer.class}, (proxy, method, args) -> {
            if (method.getName().equals("send") && !available.get()) {
                refused.incrementAndGet();
                TimeoutException timeout = new TimeoutException("Expiring 1 record(s): the broker did not acknowledge (test outage)");
                if (args.length == 2 && args[1] instanceof Callback callback) {
                    callback.onCompletion(null, timeout);
                }
                return CompletableFuture.failedFuture(timeout);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
