package uk.customerhub.infra.eventstore.deadletter;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.customerhub.infra.eventstore.tokens.MongoTokenStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue and the token store wired into Axon as the integrator will wire them: a pooled streaming processor whose
 * handler fails dead-letters the event (and the later events of the same aggregate behind it), the admin helper shows
 * them, and a retry through Axon's dead-letter processor replays them, in order, once the handler works again.
 */
@Timeout(60)
class DeadLetteringWithAxonTest {
    static final String GROUP = "single-view";

    record Noted(String customerId, String text) {
    }

    @ProcessingGroup(GROUP)
    static class SingleView {
        final List<String> handled = new CopyOnWriteArrayList<>();
        volatile boolean broken = true;

        @EventHandler
        void on(Noted event) {
            if (broken && event.text().startsWith("poison")) {
                throw new IllegalStateException("cannot project " + event.text());
            }
            handled.add(event.customerId() + ":" + event.text());
        }
    }

    private RecordingMongo mongo;
    private Configuration axon;

    @BeforeAll
    static void noCallHome() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    @BeforeEach
    void start() {
        mongo = new RecordingMongo();
    }

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
        mongo.close();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static EventMessage<?> event(String customer, long sequence, String text) {
        return new GenericDomainEventMessage<>("Customer", customer, sequence, new Noted(customer, text));
    }

    @Test
    void a_failing_event_is_dead_lettered_listed_and_retried_in_order() throws Exception {
        Serializer serializer = JacksonSerializer.defaultSerializer();
        MongoDatabase database = mongo.database();
        MongoTokenStore tokenStore = new MongoTokenStore(database, serializer, Duration.ofSeconds(10), "node-1");
        MongoSequencedDeadLetterQueue<EventMessage<?>> queue = new MongoSequencedDeadLetterQueue<>(
                GROUP, database, serializer, serializer, 1024, 1024, Duration.ofSeconds(30));
        SingleView view = new SingleView();

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                  .registerPooledStreamingEventProcessor(GROUP)
                  .registerEventHandler(c -> view)
                  .registerTokenStore(c -> tokenStore)
                  .registerDeadLetterQueue(GROUP, c -> queue);
        axon = configurer.start();

        axon.eventBus().publish(event("alice", 0, "first"),
                                event("alice", 1, "poison pill"),
                                event("bob", 0, "unrelated"),
                                event("alice", 2, "after the poison"));
        await(() -> view.handled.contains("bob:unrelated") && queue.size() == 2);

        // alice's failing event and the one after it wait in the queue; bob was not held up
        assertThat(view.handled).containsExactlyInAnyOrder("alice:first", "bob:unrelated");
        assertThat(tokenStore.fetchSegments(GROUP)).isNotEmpty();
        DeadLetters admin = new DeadLetters(queue);
        List<DeadLetters.SequenceView> sequences = admin.sequences(10);
        assertThat(sequences).hasSize(1);
        assertThat(sequences.get(0).size()).isEqualTo(2);
        assertThat(sequences.get(0).first().causeType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(sequences.get(0).first().causeMessage()).contains("poison pill");
        assertThat(sequences.get(0).first().aggregateIdentifier()).isEqualTo("alice");
        assertThat(sequences.get(0).first().aggregateSequenceNumber()).isEqualTo(1L);
        assertThat(sequences.get(0).first().payloadType()).isEqualTo(Noted.class.getName());
        List<DeadLetters.LetterView> letters = admin.letters(sequences.get(0).sequenceIdentifier(), 10);
        assertThat(letters).extracting(DeadLetters.LetterView::aggregateSequenceNumber).containsExactly(1L, 2L);
        assertThat(letters.get(1).causeType()).isNull();

        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                axon.eventProcessingConfiguration().sequencedDeadLetterProcessor(GROUP).orElseThrow();
        // still broken: the retry fails, the letter stays with its cause, and nothing after it runs
        assertThat(admin.retryOldest(processor)).isFalse();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(view.handled).doesNotContain("alice:after the poison");

        view.broken = false;
        assertThat(admin.retry(processor, sequences.get(0).sequenceIdentifier())).isTrue();

        assertThat(queue.size()).isZero();
        assertThat(view.handled).containsSubsequence("alice:first", "alice:poison pill", "alice:after the poison");
        // new events of alice flow normally again
        axon.eventBus().publish(event("alice", 3, "back to normal"));
        await(() -> view.handled.contains("alice:back to normal"));
        assertThat(queue.size()).isZero();
    }
}
