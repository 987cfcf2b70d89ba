package uk.customerhub.infra.eventstore.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.deadletter.WrongDeadLetterTypeException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link org.axonframework.messaging.deadletter.SequencedDeadLetterQueue} contract (as Axon's in-memory and JPA
 * queues behave), on the embedded MongoDB-wire server.
 */
@Timeout(60)
class MongoSequencedDeadLetterQueueTest {
    private static final int MAX_SEQUENCES = 8;
    private static final int MAX_SEQUENCE_SIZE = 8;
    private static final Duration CLAIM = Duration.ofSeconds(30);
    static final String GROUP = "uk.customerhub.projections";

    /** A structured payload, as the hub's events are records. */
    record ContactRecorded(String customerId, String summary, int attempt) {
    }

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private RecordingMongo mongo;
    private MongoSequencedDeadLetterQueue<EventMessage<?>> queue;
    private Instant now = Instant.parse("2026-03-01T10:15:30.123456789Z");

    @BeforeEach
    void start() {
        mongo = new RecordingMongo();
        queue = queue(GROUP, MAX_SEQUENCES, MAX_SEQUENCE_SIZE);
        setTime(now);
    }

    @AfterEach
    void stop() {
        GenericDeadLetter.clock = Clock.systemUTC();
        mongo.close();
    }

    private MongoSequencedDeadLetterQueue<EventMessage<?>> queue(String group, int maxSequences, int maxSequenceSize) {
        return new MongoSequencedDeadLetterQueue<>(group, mongo.database(), serializer, serializer,
                                                   maxSequences, maxSequenceSize, CLAIM);
    }

    private void setTime(Instant time) {
        now = time;
        GenericDeadLetter.clock = Clock.fixed(time, ZoneOffset.UTC);
    }

    private void advance(Duration duration) {
        setTime(now.plus(duration));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static EventMessage<?> event() {
        return GenericEventMessage.asEventMessage(new ContactRecorded(newId(), "Bin not collected", 1))
                                  .andMetaData(MetaData.with("actor", "agent-7").and("channel", "phone"));
    }

    private static DeadLetter<EventMessage<?>> letter() {
        return new GenericDeadLetter<>("ignored", event(), new IllegalStateException("projection down " + newId()));
    }

    private static DeadLetter<EventMessage<?>> followUp() {
        return new GenericDeadLetter<>("ignored", event());
    }

    private static List<DeadLetter<? extends EventMessage<?>>> list(Iterable<DeadLetter<? extends EventMessage<?>>> letters) {
        List<DeadLetter<? extends EventMessage<?>>> result = new ArrayList<>();
        letters.forEach(result::add);
        return result;
    }

    /** Same event (identifier, payload, metadata, timestamp, kind-specific fields), cause, times and diagnostics. */
    static void assertLetter(DeadLetter<? extends EventMessage<?>> expected, DeadLetter<? extends EventMessage<?>> actual) {
        EventMessage<?> want = expected.message();
        EventMessage<?> got = actual.message();
        assertThat(got.getIdentifier()).isEqualTo(want.getIdentifier());
        assertThat(got.getPayload()).isEqualTo(want.getPayload());
        assertThat(got.getMetaData()).isEqualTo(want.getMetaData());
        assertThat(got.getTimestamp()).isEqualTo(want.getTimestamp());
        assertThat(got instanceof DomainEventMessage).isEqualTo(want instanceof DomainEventMessage);
        if (want instanceof DomainEventMessage<?> domain) {
            DomainEventMessage<?> gotDomain = (DomainEventMessage<?>) got;
            assertThat(gotDomain.getType()).isEqualTo(domain.getType());
            assertThat(gotDomain.getAggregateIdentifier()).isEqualTo(domain.getAggregateIdentifier());
            assertThat(gotDomain.getSequenceNumber()).isEqualTo(domain.getSequenceNumber());
        }
        assertThat(got instanceof TrackedEventMessage).isEqualTo(want instanceof TrackedEventMessage);
        if (want instanceof TrackedEventMessage<?> tracked) {
            assertThat(((TrackedEventMessage<?>) got).trackingToken()).isEqualTo(tracked.trackingToken());
        }
        assertThat(actual.cause()).isEqualTo(expected.cause());
        assertThat(actual.enqueuedAt()).isEqualTo(expected.enqueuedAt());
        assertThat(actual.lastTouched()).isEqualTo(expected.lastTouched());
        assertThat(actual.diagnostics()).isEqualTo(expected.diagnostics());
    }

    // ---------------------------------------------------------------- enqueue

    @Test
    void an_enqueued_letter_is_stored_with_everything_it_carries() {
        String id = newId();
        DeadLetter<EventMessage<?>> letter = letter();

        queue.enqueue(id, letter);

        assertThat(queue.contains(id)).isTrue();
        List<DeadLetter<? extends EventMessage<?>>> stored = list(queue.deadLetterSequence(id));
        assertThat(stored).hasSize(1);
        assertLetter(letter, stored.get(0));
        assertThat(stored.get(0).cause().orElseThrow().type()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void every_kind_of_event_round_trips() {
        ContactRecorded payload = new ContactRecorded("c-1", "Pothole", 2);
        MetaData metaData = MetaData.with("actor", "resident");
        DomainEventMessage<ContactRecorded> domain =
                new GenericDomainEventMessage<>("Customer", "c-1", 41, payload, metaData);
        List<EventMessage<?>> events = List.of(
                GenericEventMessage.asEventMessage(payload).andMetaData(metaData),
                domain,
                new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(17),
                                                 GenericEventMessage.asEventMessage("a plain string payload")),
                new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(99, Set.of(97L)), domain));
        String id = newId();
        List<DeadLetter<EventMessage<?>>> letters = new ArrayList<>();
        for (EventMessage<?> event : events) {
            DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<EventMessage<?>>(id, event, new RuntimeException("boom"))
                    .withDiagnostics(MetaData.with("retries", 3).and("handler", "SingleView"));
            letters.add(letter);
            queue.enqueue(id, letter);
        }

        List<DeadLetter<? extends EventMessage<?>>> stored = list(queue.deadLetterSequence(id));
        assertThat(stored).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertLetter(letters.get(i), stored.get(i));
        }
    }

    @Test
    void a_new_sequence_beyond_the_maximum_number_of_sequences_overflows() {
        assertThat(queue.isFull(newId())).isFalse();
        for (int i = 0; i < MAX_SEQUENCES; i++) {
            queue.enqueue(newId(), letter());
        }

        String oneTooMany = newId();
        assertThat(queue.isFull(oneTooMany)).isTrue();
        assertThatThrownBy(() -> queue.enqueue(oneTooMany, letter())).isInstanceOf(DeadLetterQueueOverflowException.class);
        assertThat(queue.contains(oneTooMany)).isFalse();
        assertThat(queue.amountOfSequences()).isEqualTo(MAX_SEQUENCES);
    }

    @Test
    void a_letter_beyond_the_maximum_sequence_size_overflows() {
        String id = newId();
        assertThat(queue.isFull(id)).isFalse();
        for (int i = 0; i < MAX_SEQUENCE_SIZE; i++) {
            queue.enqueue(id, letter());
        }

        assertThat(queue.isFull(id)).isTrue();
        assertThat(queue.isFull(newId())).isFalse();
        assertThatThrownBy(() -> queue.enqueue(id, letter())).isInstanceOf(DeadLetterQueueOverflowException.class);
        assertThatThrownBy(() -> queue.enqueueIfPresent(id, MongoSequencedDeadLetterQueueTest::followUp))
                .isInstanceOf(DeadLetterQueueOverflowException.class);
        assertThat(queue.sequenceSize(id)).isEqualTo(MAX_SEQUENCE_SIZE);
    }

    @Test
    void enqueue_if_present_only_appends_to_an_existing_sequence() {
        String present = newId();
        String absent = newId();
        DeadLetter<EventMessage<?>> first = letter();
        DeadLetter<EventMessage<?>> second = followUp();
        AtomicBoolean built = new AtomicBoolean();

        assertThat(queue.enqueueIfPresent(absent, () -> { built.set(true); return followUp(); })).isFalse();
        assertThat(built).isFalse();
        queue.enqueue(present, first);
        assertThat(queue.enqueueIfPresent(present, () -> second)).isTrue();
        assertThat(queue.enqueueIfPresent(absent, MongoSequencedDeadLetterQueueTest::followUp)).isFalse();

        assertThat(queue.contains(absent)).isFalse();
        List<DeadLetter<? extends EventMessage<?>>> stored = list(queue.deadLetterSequence(present));
        assertThat(stored).hasSize(2);
        assertLetter(first, stored.get(0));
        assertLetter(second, stored.get(1));
        assertThat(stored.get(1).cause()).isEmpty();
    }

    @Test
    void sequence_identifiers_that_are_not_strings_are_stored_by_hash_code() {
        Long aggregate = 1234567L;
        queue.enqueue(aggregate, letter());

        assertThat(queue.contains(aggregate)).isTrue();
        assertThat(queue.contains(Integer.toString(aggregate.hashCode()))).isTrue();
        assertThat(queue.sequenceSize(aggregate)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- counts

    @Test
    void size_sequence_size_and_amount_of_sequences_count_what_is_held() {
        assertThat(queue.size()).isZero();
        assertThat(queue.amountOfSequences()).isZero();
        assertThat(queue.sequenceSize("nothing")).isZero();

        String id = newId();
        queue.enqueue(id, letter());
        queue.enqueue(id, followUp());
        queue.enqueue(newId(), letter());

        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.sequenceSize(id)).isEqualTo(2);
        assertThat(queue.sequenceSize("nothing")).isZero();
        assertThat(queue.amountOfSequences()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- evict and requeue

    @Test
    void evicting_the_only_letter_removes_the_sequence() {
        String id = newId();
        queue.enqueue(id, letter());
        DeadLetter<? extends EventMessage<?>> stored = queue.deadLetterSequence(id).iterator().next();

        queue.evict(stored);

        assertThat(queue.contains(id)).isFalse();
        assertThat(queue.deadLetters().iterator().hasNext()).isFalse();
        assertThat(queue.amountOfSequences()).isZero();
        assertThat(queue.size()).isZero();
        assertThat(mongo.database().getCollection(MongoSequencedDeadLetterQueue.LETTERS).countDocuments()).isZero();
    }

    @Test
    void evicting_a_middle_letter_keeps_the_order_of_the_others() {
        String id = newId();
        List<DeadLetter<EventMessage<?>>> letters = List.of(letter(), followUp(), followUp());
        letters.forEach(letter -> queue.enqueue(id, letter));
        List<DeadLetter<? extends EventMessage<?>>> stored = list(queue.deadLetterSequence(id));

        queue.evict(stored.get(1));

        List<DeadLetter<? extends EventMessage<?>>> left = list(queue.deadLetterSequence(id));
        assertThat(left).hasSize(2);
        assertLetter(letters.get(0), left.get(0));
        assertLetter(letters.get(2), left.get(1));
    }

    @Test
    void evicting_a_letter_that_is_not_there_changes_nothing() {
        String id = newId();
        DeadLetter<EventMessage<?>> letter = letter();
        queue.enqueue(id, letter);
        MongoDeadLetter<EventMessage<?>> stranger = new MongoDeadLetter<>(
                queue.letterKey(newId(), 0), 0, "x", now, now, null, MetaData.emptyInstance(), event());
        MongoDeadLetter<EventMessage<?>> otherIndex = new MongoDeadLetter<>(
                queue.letterKey(id, 5), 5, id, now, now, null, MetaData.emptyInstance(), event());

        queue.evict(stranger);
        queue.evict(otherIndex);

        List<DeadLetter<? extends EventMessage<?>>> stored = list(queue.deadLetterSequence(id));
        assertThat(stored).hasSize(1);
        assertLetter(letter, stored.get(0));
        assertThatThrownBy(() -> queue.evict(letter)).isInstanceOf(WrongDeadLetterTypeException.class);
    }

    @Test
    void requeueing_updates_last_touched_cause_and_diagnostics_in_place() {
        String id = newId();
        DeadLetter<EventMessage<?>> first = letter();
        DeadLetter<EventMessage<?>> second = followUp();
        queue.enqueue(id, first);
        queue.enqueue(id, second);
        DeadLetter<? extends EventMessage<?>> stored = queue.deadLetterSequence(id).iterator().next();
        advance(Duration.ofMinutes(5));
        RuntimeException again = new RuntimeException("still down");

        queue.requeue(stored, l -> l.withCause(again).withDiagnostics(MetaData.with("retries", 1)));

        List<DeadLetter<? extends EventMessage<?>>> after = list(queue.deadLetterSequence(id));
        assertThat(after).hasSize(2);
        DeadLetter<EventMessage<?>> expected = first.withCause(again).withDiagnostics(MetaData.with("retries", 1)).markTouched();
        assertLetter(expected, after.get(0));
        assertThat(after.get(0).lastTouched()).isEqualTo(now);
        assertThat(after.get(0).enqueuedAt()).isEqualTo(first.enqueuedAt()).isNotEqualTo(now);
        assertThat(after.get(0).cause()).contains(new ThrowableCause(RuntimeException.class.getName(), "still down"));
        assertLetter(second, after.get(1));
    }

    @Test
    void requeueing_a_letter_that_is_not_there_fails() {
        String id = newId();
        queue.enqueue(id, letter());
        MongoDeadLetter<EventMessage<?>> otherIndex = new MongoDeadLetter<>(
                queue.letterKey(id, 7), 7, id, now, now, null, MetaData.emptyInstance(), event());
        MongoDeadLetter<EventMessage<?>> unknownSequence = new MongoDeadLetter<>(
                queue.letterKey("unknown", 0), 0, "unknown", now, now, null, MetaData.emptyInstance(), event());

        assertThatThrownBy(() -> queue.requeue(otherIndex, l -> l)).isInstanceOf(NoSuchDeadLetterException.class);
        assertThatThrownBy(() -> queue.requeue(unknownSequence, l -> l)).isInstanceOf(NoSuchDeadLetterException.class);
        assertThatThrownBy(() -> queue.requeue(letter(), l -> l)).isInstanceOf(WrongDeadLetterTypeException.class);
    }

    // ---------------------------------------------------------------- listing

    @Test
    void dead_letters_lists_every_sequence_least_recently_touched_first() {
        String later = newId();
        String earlier = newId();
        DeadLetter<EventMessage<?>> earlierFirst = letter();
        queue.enqueue(earlier, earlierFirst);
        advance(Duration.ofSeconds(5));
        DeadLetter<EventMessage<?>> laterFirst = letter();
        DeadLetter<EventMessage<?>> laterSecond = followUp();
        queue.enqueue(later, laterFirst);
        queue.enqueue(later, laterSecond);
        DeadLetter<EventMessage<?>> earlierSecond = followUp();
        queue.enqueue(earlier, earlierSecond);

        Iterator<Iterable<DeadLetter<? extends EventMessage<?>>>> sequences = queue.deadLetters().iterator();
        List<DeadLetter<? extends EventMessage<?>>> firstSequence = list(sequences.next());
        List<DeadLetter<? extends EventMessage<?>>> secondSequence = list(sequences.next());
        assertThat(sequences.hasNext()).isFalse();
        assertLetter(earlierFirst, firstSequence.get(0));
        assertLetter(earlierSecond, firstSequence.get(1));
        assertLetter(laterFirst, secondSequence.get(0));
        assertLetter(laterSecond, secondSequence.get(1));
        assertThat(queue.sequenceIdentifiers()).containsExactly(earlier, later);
    }

    @Test
    void a_long_sequence_is_read_in_order_across_pages() {
        MongoSequencedDeadLetterQueue<EventMessage<?>> roomy = queue("roomy", 4, 1000);
        String id = newId();
        List<String> identifiers = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            DeadLetter<EventMessage<?>> letter = i == 0 ? letter() : followUp();
            identifiers.add(letter.message().getIdentifier());
            roomy.enqueue(id, letter);
        }

        assertThat(list(roomy.deadLetterSequence(id))).extracting(letter -> letter.message().getIdentifier())
                                                      .containsExactlyElementsOf(identifiers);
        List<String> handled = new ArrayList<>();
        assertThat(roomy.process(letter -> {
            handled.add(letter.message().getIdentifier());
            return Decisions.evict();
        })).isTrue();
        assertThat(handled).containsExactlyElementsOf(identifiers);
        assertThat(roomy.contains(id)).isFalse();
    }

    // ---------------------------------------------------------------- process

    @Test
    void process_without_letters_returns_false_and_calls_nothing() {
        AtomicBoolean called = new AtomicBoolean();

        assertThat(queue.process(letter -> { called.set(true); return Decisions.evict(); })).isFalse();
        assertThat(called).isFalse();
    }

    @Test
    void process_hands_the_letter_to_the_task_and_evicts_it_on_success() {
        String id = newId();
        DeadLetter<EventMessage<?>> letter = letter();
        queue.enqueue(id, letter);
        AtomicReference<DeadLetter<? extends EventMessage<?>>> seen = new AtomicReference<>();

        assertThat(queue.process(l -> { seen.set(l); return Decisions.evict(); })).isTrue();

        assertLetter(letter, seen.get());
        assertThat(queue.contains(id)).isFalse();
        assertThat(queue.deadLetterSequence(id).iterator().hasNext()).isFalse();
    }

    @Test
    void process_requeues_a_letter_that_fails_again_with_the_new_cause_and_diagnostics() {
        String id = newId();
        DeadLetter<EventMessage<?>> letter = letter();
        queue.enqueue(id, letter);
        RuntimeException again = new RuntimeException("again");
        MetaData diagnostics = MetaData.with("custom-key", "custom-value");
        advance(Duration.ofSeconds(42));

        assertThat(queue.process(l -> Decisions.requeue(again, ignored -> diagnostics))).isFalse();

        List<DeadLetter<? extends EventMessage<?>>> stored = list(queue.deadLetterSequence(id));
        assertThat(stored).hasSize(1);
        assertLetter(letter.withCause(again).withDiagnostics(diagnostics).markTouched(), stored.get(0));
        assertThat(stored.get(0).lastTouched()).isEqualTo(now);
    }

    @Test
    void process_takes_the_least_recently_touched_sequence_first() {
        String first = newId();
        String second = newId();
        DeadLetter<EventMessage<?>> older = letter();
        queue.enqueue(first, older);
        advance(Duration.ofSeconds(5));
        DeadLetter<EventMessage<?>> newer = letter();
        queue.enqueue(second, newer);
        AtomicReference<DeadLetter<? extends EventMessage<?>>> seen = new AtomicReference<>();
        Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task =
                l -> { seen.set(l); return Decisions.evict(); };

        assertThat(queue.process(task)).isTrue();
        assertLetter(older, seen.get());
        assertThat(queue.process(task)).isTrue();
        assertLetter(newer, seen.get());
        assertThat(queue.process(task)).isFalse();
    }

    @Test
    void a_requeued_sequence_goes_behind_the_others() {
        String first = newId();
        String second = newId();
        queue.enqueue(first, letter());
        advance(Duration.ofSeconds(1));
        DeadLetter<EventMessage<?>> other = letter();
        queue.enqueue(second, other);
        advance(Duration.ofSeconds(1));
        assertThat(queue.process(l -> Decisions.requeue(new RuntimeException("no")))).isFalse();

        AtomicReference<DeadLetter<? extends EventMessage<?>>> seen = new AtomicReference<>();
        assertThat(queue.process(l -> { seen.set(l); return Decisions.evict(); })).isTrue();
        assertLetter(other, seen.get());
    }

    @Test
    void process_handles_a_whole_sequence_in_order_and_nothing_else() {
        String id = newId();
        List<DeadLetter<EventMessage<?>>> letters = new ArrayList<>();
        letters.add(letter());
        queue.enqueue(id, letters.get(0));
        for (int i = 0; i < 4; i++) {
            advance(Duration.ofMillis(10));
            DeadLetter<EventMessage<?>> next = followUp();
            letters.add(next);
            assertThat(queue.enqueueIfPresent(id, () -> next)).isTrue();
        }
        String other = newId();
        queue.enqueue(other, letter());
        List<DeadLetter<? extends EventMessage<?>>> handled = new ArrayList<>();

        assertThat(queue.process(l -> { handled.add(l); return Decisions.evict(); })).isTrue();

        assertThat(handled).hasSize(letters.size());
        for (int i = 0; i < letters.size(); i++) {
            assertLetter(letters.get(i), handled.get(i));
        }
        assertThat(queue.contains(id)).isFalse();
        assertThat(queue.contains(other)).isTrue();
    }

    @Test
    void process_stops_at_the_first_letter_that_fails_again_and_keeps_the_rest() {
        String id = newId();
        DeadLetter<EventMessage<?>> first = letter();
        DeadLetter<EventMessage<?>> second = followUp();
        DeadLetter<EventMessage<?>> third = followUp();
        queue.enqueue(id, first);
        queue.enqueue(id, second);
        queue.enqueue(id, third);
        List<String> handled = new ArrayList<>();
        String failing = second.message().getIdentifier();

        boolean result = queue.process(l -> {
            handled.add(l.message().getIdentifier());
            return l.message().getIdentifier().equals(failing)
                    ? Decisions.requeue(new RuntimeException("second fails")) : Decisions.evict();
        });

        assertThat(result).isFalse();
        assertThat(handled).containsExactly(first.message().getIdentifier(), failing);
        List<DeadLetter<? extends EventMessage<?>>> left = list(queue.deadLetterSequence(id));
        assertThat(left).extracting(l -> l.message().getIdentifier())
                        .containsExactly(failing, third.message().getIdentifier());
        assertThat(left.get(0).cause().orElseThrow().message()).isEqualTo("second fails");
    }

    @Test
    void process_with_a_filter_takes_only_a_matching_sequence() {
        String thisId = newId();
        String thatId = newId();
        DeadLetter<EventMessage<?>> thisLetter = letter();
        DeadLetter<EventMessage<?>> thatLetter = letter();
        queue.enqueue(thisId, thisLetter);
        queue.enqueue(thatId, thatLetter);
        AtomicReference<DeadLetter<? extends EventMessage<?>>> seen = new AtomicReference<>();
        Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task =
                l -> { seen.set(l); return Decisions.evict(); };

        assertThat(queue.process(l -> false, task)).isFalse();
        assertThat(seen.get()).isNull();

        assertThat(queue.process(sameEvent(thatLetter), task)).isTrue();
        assertLetter(thatLetter, seen.get());
        assertThat(queue.contains(thisId)).isTrue();
        assertThat(queue.contains(thatId)).isFalse();

        assertThat(queue.process(sameEvent(thisLetter), task)).isTrue();
        assertLetter(thisLetter, seen.get());
    }

    private static Predicate<DeadLetter<? extends EventMessage<?>>> sameEvent(DeadLetter<EventMessage<?>> expected) {
        return actual -> actual.message().getIdentifier().equals(expected.message().getIdentifier());
    }

    @Test
    void a_sequence_being_processed_is_not_handed_out_again() throws Exception {
        String busy = newId();
        DeadLetter<EventMessage<?>> busyLetter = letter();
        queue.enqueue(busy, busyLetter);
        CountDownLatch inTask = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean firstResult = new AtomicBoolean();
        Thread blocking = new Thread(() -> firstResult.set(queue.process(l -> {
            inTask.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Decisions.evict();
        })));
        blocking.start();
        assertThat(inTask.await(10, TimeUnit.SECONDS)).isTrue();

        // another queue instance on the same database: another node
        MongoSequencedDeadLetterQueue<EventMessage<?>> otherNode = queue(GROUP, MAX_SEQUENCES, MAX_SEQUENCE_SIZE);
        AtomicBoolean called = new AtomicBoolean();
        assertThat(otherNode.process(l -> { called.set(true); return Decisions.evict(); })).isFalse();
        assertThat(queue.process(sameEvent(busyLetter), l -> { called.set(true); return Decisions.evict(); })).isFalse();
        assertThat(called).isFalse();

        // ... but it takes a sequence nobody is processing
        String free = newId();
        otherNode.enqueue(free, letter());
        AtomicReference<String> taken = new AtomicReference<>();
        assertThat(otherNode.process(l -> { taken.set(((MongoDeadLetter<?>) l).sequenceIdentifier()); return Decisions.evict(); }))
                .isTrue();
        assertThat(taken).hasValue(free);

        release.countDown();
        blocking.join(10_000);
        assertThat(firstResult).isTrue();
        assertThat(queue.contains(busy)).isFalse();
        assertThat(mongo.database().getCollection(MongoSequencedDeadLetterQueue.CLAIMS).countDocuments()).isZero();
    }

    @Test
    void the_claim_of_a_node_that_died_while_processing_is_taken_over_after_the_claim_duration() {
        String id = newId();
        queue.enqueue(id, letter());
        mongo.database().getCollection(MongoSequencedDeadLetterQueue.CLAIMS).insertOne(
                new Document("_id", queue.sequenceKey(id)).append("owner", "dead-node-call")
                                                          .append("node", "dead-node")
                                                          .append("claimedAt", now.toEpochMilli()));
        Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> evict = l -> Decisions.evict();

        advance(CLAIM.minusSeconds(1));
        assertThat(queue.process(evict)).isFalse();
        assertThat(queue.contains(id)).isTrue();

        advance(Duration.ofSeconds(2));
        assertThat(queue.process(evict)).isTrue();
        assertThat(queue.contains(id)).isFalse();
    }

    // ---------------------------------------------------------------- clear and isolation

    @Test
    void clear_removes_every_letter_of_the_group_only() {
        MongoSequencedDeadLetterQueue<EventMessage<?>> otherGroup = queue("another.group", MAX_SEQUENCES, MAX_SEQUENCE_SIZE);
        String one = newId();
        String two = newId();
        queue.enqueue(one, letter());
        queue.enqueue(one, followUp());
        queue.enqueue(two, letter());
        otherGroup.enqueue(one, letter());
        String oldId = ((MongoDeadLetter<?>) queue.deadLetterSequence(one).iterator().next()).id();

        queue.clear();

        assertThat(queue.contains(one)).isFalse();
        assertThat(queue.contains(two)).isFalse();
        assertThat(queue.size()).isZero();
        assertThat(queue.amountOfSequences()).isZero();
        assertThat(queue.deadLetters().iterator().hasNext()).isFalse();
        assertThat(otherGroup.contains(one)).isTrue();
        assertThat(mongo.database().getCollection(MongoSequencedDeadLetterQueue.LETTERS).countDocuments()).isEqualTo(1);

        // a letter enqueued afterwards never reuses an old letter's id
        queue.enqueue(one, letter());
        assertThat(((MongoDeadLetter<?>) queue.deadLetterSequence(one).iterator().next()).id()).isNotEqualTo(oldId);
    }

    @Test
    void groups_and_sequences_whose_names_contain_slashes_never_collide() {
        MongoSequencedDeadLetterQueue<EventMessage<?>> ab = queue("a/b", MAX_SEQUENCES, MAX_SEQUENCE_SIZE);
        MongoSequencedDeadLetterQueue<EventMessage<?>> a = queue("a", MAX_SEQUENCES, MAX_SEQUENCE_SIZE);
        DeadLetter<EventMessage<?>> inAb = letter();
        DeadLetter<EventMessage<?>> inA = letter();
        ab.enqueue("c", inAb);
        a.enqueue("b/c", inA);

        assertThat(ab.contains("c")).isTrue();
        assertThat(ab.contains("b/c")).isFalse();
        assertThat(a.contains("c")).isFalse();
        assertLetter(inAb, ab.deadLetterSequence("c").iterator().next());
        assertLetter(inA, a.deadLetterSequence("b/c").iterator().next());
        // a letter of one group is not evicted through another group's queue
        a.evict(ab.deadLetterSequence("c").iterator().next());
        assertThat(ab.contains("c")).isTrue();
    }

    // ---------------------------------------------------------------- crash leftovers

    @Test
    void a_letter_document_deleted_by_hand_does_not_block_its_sequence() {
        String id = newId();
        queue.enqueue(id, letter());
        DeadLetter<EventMessage<?>> second = followUp();
        queue.enqueue(id, second);
        mongo.database().getCollection(MongoSequencedDeadLetterQueue.LETTERS)
             .deleteOne(new Document("_id", queue.letterKey(id, 0)));
        List<DeadLetter<? extends EventMessage<?>>> handled = new ArrayList<>();

        assertThat(queue.process(l -> { handled.add(l); return Decisions.evict(); })).isTrue();

        assertThat(handled).hasSize(1);
        assertLetter(second, handled.get(0));
        assertThat(queue.contains(id)).isFalse();
        assertThat(queue.amountOfSequences()).isZero();
    }

    @Test
    void an_enqueue_lists_its_sequence_in_the_group_before_it_writes_anything_else() {
        // so an enqueue cut short leaves no letter that an empty group list would hide from Axon's identifier cache
        String id = newId();
        mongo.forget();

        queue.enqueue(id, letter());

        List<RecordingMongo.Filter> writes = mongo.filters().stream()
                .filter(filter -> !filter.command().equals("find")).toList();
        assertThat(writes.get(0).command()).isEqualTo("update");
        assertThat(writes.get(0).collection()).isEqualTo(MongoSequencedDeadLetterQueue.GROUPS);
        assertThat(writes.get(1).collection()).isEqualTo(MongoSequencedDeadLetterQueue.SEQUENCES);
        assertThat(queue.amountOfSequences()).isEqualTo(1);
    }

    @Test
    void a_sequence_left_listed_while_empty_by_an_interrupted_eviction_is_unlisted_by_process() {
        String id = newId();
        queue.enqueue(id, letter());
        // an eviction that crashed after unlisting the letter, before unlisting the sequence
        mongo.database().getCollection(MongoSequencedDeadLetterQueue.SEQUENCES)
             .updateOne(new Document("_id", queue.sequenceKey(id)), new Document("$set", new Document("indexes", List.of())));
        assertThat(queue.amountOfSequences()).isEqualTo(1);

        assertThat(queue.process(l -> Decisions.evict())).isFalse();

        assertThat(queue.amountOfSequences()).isZero();
        assertThat(queue.contains(id)).isFalse();
    }
}
