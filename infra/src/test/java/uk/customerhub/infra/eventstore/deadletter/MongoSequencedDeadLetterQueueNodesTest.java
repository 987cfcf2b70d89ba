package uk.customerhub.infra.eventstore.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Several nodes retrying one group's dead letters at once, and the equality-lookup discipline of every query. */
@Timeout(90)
class MongoSequencedDeadLetterQueueNodesTest {
    private static final String GROUP = "single-view";

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private RecordingMongo mongo;

    @BeforeEach
    void start() {
        GenericDeadLetter.clock = Clock.systemUTC();
        mongo = new RecordingMongo();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private MongoSequencedDeadLetterQueue<EventMessage<?>> node() {
        return new MongoSequencedDeadLetterQueue<>(GROUP, mongo.database(), serializer, serializer, 64, 64,
                                                   Duration.ofSeconds(30));
    }

    record Step(String sequence, int position) {
    }

    private static DeadLetter<EventMessage<?>> letter(String sequence, int position) {
        EventMessage<?> event = GenericEventMessage.asEventMessage(new Step(sequence, position))
                                                   .andMetaData(MetaData.with("position", position));
        return new GenericDeadLetter<>(sequence, event, new IllegalStateException("handler failed"));
    }

    @Test
    void nodes_retrying_together_handle_each_letter_once_in_sequence_order_and_never_one_sequence_twice_at_once()
            throws Exception {
        int sequences = 12;
        int letters = 6;
        MongoSequencedDeadLetterQueue<EventMessage<?>> writer = node();
        for (int s = 0; s < sequences; s++) {
            for (int p = 0; p < letters; p++) {
                writer.enqueue("seq-" + s, letter("seq-" + s, p));
            }
        }

        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        List<String> attempts = new CopyOnWriteArrayList<>();
        List<String> successes = new CopyOnWriteArrayList<>();
        List<MongoSequencedDeadLetterQueue<EventMessage<?>>> nodes = List.of(node(), node(), node());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                MongoSequencedDeadLetterQueue<EventMessage<?>> node = nodes.get(t % nodes.size());
                workers.add(pool.submit(() -> {
                    while (node.size() > 0 && System.nanoTime() < deadline) {
                        node.process(letter -> {
                            Step step = (Step) letter.message().getPayload();
                            if (!inFlight.add(step.sequence())) {
                                overlaps.incrementAndGet();
                            }
                            try {
                                attempts.add(step.sequence() + "#" + step.position());
                                if (ThreadLocalRandom.current().nextInt(5) == 0) {
                                    return Decisions.requeue(new IllegalStateException("still failing"));
                                }
                                successes.add(step.sequence() + "#" + step.position());
                                return Decisions.evict();
                            } finally {
                                inFlight.remove(step.sequence());
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(80, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(overlaps).hasValue(0);
        assertThat(writer.size()).isZero();
        assertThat(successes).hasSize(sequences * letters).doesNotHaveDuplicates();
        Map<String, Integer> lastSucceeded = new HashMap<>();
        Map<String, List<Integer>> attemptsPerSequence = new HashMap<>();
        for (String attempt : attempts) {
            String[] parts = attempt.split("#");
            attemptsPerSequence.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        for (String success : successes) {
            String[] parts = success.split("#");
            int position = Integer.parseInt(parts[1]);
            // letters of one sequence succeed strictly in order
            assertThat(position).isEqualTo(lastSucceeded.getOrDefault(parts[0], -1) + 1);
            lastSucceeded.put(parts[0], position);
        }
        // a letter is never tried before the one ahead of it has succeeded
        attemptsPerSequence.values().forEach(positions -> assertThat(positions).isSorted());
        assertThat(mongo.database().getCollection(MongoSequencedDeadLetterQueue.CLAIMS).countDocuments()).isZero();
    }

    @Test
    void every_query_names_its_documents_by_id() {
        MongoSequencedDeadLetterQueue<EventMessage<?>> queue = node();
        mongo.forget();
        for (int s = 0; s < 5; s++) {
            queue.enqueue("seq-" + s, letter("seq-" + s, 0));
            queue.enqueueIfPresent("seq-" + s, () -> letter("x", 1));
            queue.enqueueIfPresent("absent-" + s, () -> letter("x", 1));
        }
        queue.isFull("seq-0");
        queue.isFull("new");
        queue.size();
        queue.amountOfSequences();
        queue.deadLetters().forEach(sequence -> sequence.forEach(letter -> { }));
        DeadLetter<? extends EventMessage<?>> first = queue.deadLetterSequence("seq-0").iterator().next();
        queue.requeue(first, l -> l.withDiagnostics(MetaData.with("n", 1)));
        queue.evict(first);
        queue.process(letter -> Decisions.requeue(new RuntimeException("again")));
        queue.process(letter -> Decisions.evict());
        new DeadLetters(queue).sequences(10);
        queue.clear();

        List<RecordingMongo.Filter> filters = mongo.filters();
        assertThat(filters).isNotEmpty();
        assertThat(mongo.otherCommands()).isEmpty();
        for (RecordingMongo.Filter filter : filters) {
            if (filter.collection().equals(MongoSequencedDeadLetterQueue.CLAIMS)) {
                // the claims collection holds only live claims: owner-conditional filters on it stay cheap
                BsonDocument idPart = filter.filter().containsKey("$and")
                        ? filter.filter().getArray("$and").get(0).asDocument() : filter.filter();
                assertThat(idEquality(idPart)).as(filter.toString()).isTrue();
            } else {
                assertThat(filter.filter().keySet()).as(filter.toString()).containsExactly("_id");
                BsonDocument idPart = filter.filter().containsKey("$and")
                        ? filter.filter().getArray("$and").get(0).asDocument() : filter.filter();
                assertThat(idEquality(idPart)).as(filter.toString()).isTrue();
            }
        }
    }

    /** {@code {_id: value}} or {@code {_id: {$in: [...]}}}: what the embedded server answers from its hash index. */
    private static boolean idEquality(BsonDocument filter) {
        if (!filter.containsKey("_id")) {
            return false;
        }
        var id = filter.get("_id");
        return id.isString() || (id.isDocument() && id.asDocument().keySet().equals(Set.of("$in")));
    }
}
