package org.magentokafka.app;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.magentokafka.component.MagentoComponent;
import org.magentokafka.kafka.KafkaClientSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.quarkus.arc.Unremovable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * High availability with Kafka's own group coordinator as the lock: every replica joins one consumer group on a
 * single-partition lease topic; the member the partition is assigned to is the leader and runs the polling routes,
 * the others stand by. A leader that dies stops heart-beating and the coordinator hands the partition to a standby
 * within the lease time (the session timeout); it resumes from the shared state (use magento.state.store=kafka).
 * Chosen over camel-master with a cluster service because Kafka is already there and needs no extra permissions
 * (Kubernetes leases need RBAC; a file lock needs a shared volume).
 * <p>
 * A lease alone does not stop a leader that froze (a long GC pause, a stalled VM) from writing after its successor
 * took over: on taking the lease a replica therefore fences the previous holder through the component's
 * transactional writer and reads the shared state again; a replica that learns it was fenced stands by and joins
 * the group again.
 */
@Singleton
@Unremovable
public class LeaderElection implements RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    @Inject
    KafkaClientSettings settings;

    @Inject
    ConnectorSettings connector;

    private final Map<String, Route> managed = new ConcurrentHashMap<>();
    private volatile boolean leader;
    private volatile boolean running;
    /** Set when this replica learnt it was fenced: it leaves the group and joins again. */
    private volatile boolean rejoin;
    private Thread thread;
    private CamelContext camel;

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        if (!enabled() || routeId == null || !routeId.startsWith("magento-") || routeId.equals("magento-publish")
            || routeId.startsWith("magento-handshake")) {
            return null;
        }
        camel = context;
        return new RoutePolicySupport() {
            @Override
            public void onInit(Route r) {
                super.onInit(r);
                if (!Boolean.FALSE.equals(r.isAutoStartup())) {
                    managed.put(r.getId(), r);
                }
                // Only the leader polls: the route waits for the lease.
                r.setAutoStartup(false);
                startElection();
            }
        };
    }

    private boolean enabled() {
        return connector.haEnabled();
    }

    private synchronized void startElection() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::elect, "magento-leader-election");
        thread.setDaemon(true);
        thread.start();
    }

    private void elect() {
        String topic = connector.haLeaseTopic();
        long lease = connector.haLeaseTime().toMillis();
        magento().flatMap(MagentoComponent::fencedWriter).ifPresent(w -> w.onFenced(why -> rejoin = true));
        while (running) {
            rejoin = false;
            try {
                ensureLeaseTopic(settings, topic);
                Properties p = new Properties();
                // The connector's Kafka settings (security...); group, session timeout and assignment are the lease's own.
                p.putAll(settings.consumer());
                p.put(ConsumerConfig.GROUP_ID_CONFIG, connector.haGroup());
                p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) lease);
                p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, lease / 5));
                p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
                // A standby joining must not take the lease from a healthy leader: sticky, without revoking it.
                p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                        CooperativeStickyAssignor.class.getName());
                p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
                p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                    consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                        @Override
                        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                            if (!partitions.isEmpty()) {
                                lead();
                            }
                        }

                        @Override
                        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                            if (!partitions.isEmpty()) {
                                standBy("lease handed over");
                            }
                        }

                        @Override
                        public void onPartitionsLost(Collection<TopicPartition> partitions) {
                            standBy("lease lost");
                        }
                    });
                    while (running && !rejoin) {
                        consumer.poll(Duration.ofMillis(Math.max(100, lease / 5)));
                    }
                }
                if (rejoin) {
                    // Fenced while it thought it led (it froze, another took over): whatever the group says now.
                    standBy("fenced by the replica that took the lease over");
                }
            } catch (Exception e) {
                standBy("Kafka unreachable for the lease (" + e.getClass().getSimpleName() + ")");
                sleep(lease);
            }
        }
    }

    private synchronized void lead() {
        if (leader) {
            return;
        }
        leader = true;
        try {
            // Fences a frozen predecessor and reads the shared state again: the one before may have written since.
            magento().ifPresent(MagentoComponent::takeOver);
        } catch (RuntimeException e) {
            LOG.warn("This replica holds the lease but cannot write to Kafka yet: {}", e.getMessage());
        }
        LOG.info("This replica holds the lease: polling starts ({} routes)", managed.size());
        for (String id : managed.keySet()) {
            try {
                camel.getRouteController().startRoute(id);
            } catch (Exception e) {
                LOG.warn("Could not start route {}: {}", id, e.getMessage());
            }
        }
    }

    private synchronized void standBy(String why) {
        if (!leader) {
            return;
        }
        leader = false;
        LOG.info("This replica stands by ({}): polling stops", why);
        for (String id : managed.keySet()) {
            try {
                camel.getRouteController().stopRoute(id, 30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Could not stop route {}: {}", id, e.getMessage());
            }
        }
        magento().ifPresent(m -> m.standBy("this replica stands by (" + why + ")"));
    }

    private Optional<MagentoComponent> magento() {
        return camel == null ? Optional.empty() : Optional.ofNullable(camel.getComponent("magento", MagentoComponent.class));
    }

    private static void ensureLeaseTopic(KafkaClientSettings settings, String topic) throws Exception {
        Properties p = new Properties();
        p.putAll(settings.admin());
        try (Admin admin = Admin.create(p)) {
            Set<String> names = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            if (!names.contains(topic)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    public boolean isLeader() {
        return leader;
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
