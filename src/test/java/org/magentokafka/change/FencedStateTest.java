package org.magentokafka.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.magentokafka.kafka.FencedWriter;
import org.magentokafka.kafka.KafkaClientSettings;
import org.magentokafka.testing.TestKafka;

/**
 * The state of a highly available connector against a real broker: two replicas share one transactional id; the one
 * that takes over fences the other, whose later state writes fail, are never read back, and do not even count in
 * its own memory.
 */
class FencedStateTest {

    private static final KafkaClientSettings KAFKA = KafkaClientSettings.of(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));

    @Test
    void aFencedReplicaCannotRecordStateAndItsSuccessorReadsOnlyWhatCommitted() {
        String topic = TestKafka.uniqueTopic("fenced-state");
        String id = TestKafka.uniqueTopic("fenced-id");
        try (FencedWriter oldWriter = new FencedWriter(KAFKA, id);
             FencedWriter newWriter = new FencedWriter(KAFKA, id);
             KafkaStateBackend oldLeader = new KafkaStateBackend(KAFKA, topic, oldWriter);
             KafkaStateBackend newLeader = new KafkaStateBackend(KAFKA, topic, newWriter)) {
            AtomicReference<String> fenced = new AtomicReference<>();
            oldWriter.onFenced(fenced::set);
            oldWriter.takeOver();
            StateStore old = oldLeader.open("products", "default");
            old.commit(Map.of("SKU-1", new KeyVersion(1L, 1)));
            old.commitWatermark("2026-12-07 10:00:00");

            // The old leader freezes; the new one takes the lease over and writes a newer version.
            newWriter.takeOver();
            StateStore current = newLeader.open("products", "default");
            assertEquals(new KeyVersion(1L, 1), current.version("SKU-1"), "the successor reads what was committed");
            current.commit(Map.of("SKU-1", new KeyVersion(2L, 2)));

            // The old leader thaws and records the page it held: refused, and not remembered either.
            assertThrows(FencedWriter.KafkaWriteFailure.class, () -> old.commit(Map.of("SKU-1", new KeyVersion(9L, 2))));
            assertTrue(fenced.get() != null && fenced.get().contains(id), "told it was fenced: " + fenced.get());
            assertEquals(new KeyVersion(1L, 1), old.version("SKU-1"), "a write that did not commit is not in memory");
            assertThrows(FencedWriter.KafkaWriteFailure.class, () -> old.commitWatermark("2026-12-07 11:00:00"),
                    "a fenced replica writes nothing until it takes the lease again");

            // A third reader (the next replica to lead) sees the successor's version only.
            newLeader.reload();
            StateStore reread = newLeader.open("products", "default");
            assertEquals(new KeyVersion(2L, 2), reread.version("SKU-1"));
            assertEquals("2026-12-07 10:00:00", reread.watermark());
        }
    }

    @Test
    void aPageAndItsStateCommitTogetherOrNotAtAll() {
        String topic = TestKafka.uniqueTopic("fenced-page");
        try (FencedWriter writer = new FencedWriter(KAFKA, TestKafka.uniqueTopic("fenced-id"));
             KafkaStateBackend backend = new KafkaStateBackend(KAFKA, topic, writer)) {
            writer.takeOver();
            StateStore state = backend.open("products", "default");
            // A failure after the state was recorded inside the page's transaction (an event Kafka refused).
            assertThrows(IllegalStateException.class, () -> writer.inTransaction(() -> {
                state.commit(Map.of("SKU-1", new KeyVersion(1L, 1)));
                throw new IllegalStateException("an event of the page failed");
            }));
            assertNull(state.version("SKU-1").hash(), "the aborted page's version is not taken for done");
            writer.inTransaction(() -> state.commit(Map.of("SKU-2", new KeyVersion(2L, 1))));
            backend.reload();
            StateStore reread = backend.open("products", "default");
            assertNull(reread.version("SKU-1").hash(), "the aborted record is not read back");
            assertEquals(new KeyVersion(2L, 1), reread.version("SKU-2"));
        }
    }
}
