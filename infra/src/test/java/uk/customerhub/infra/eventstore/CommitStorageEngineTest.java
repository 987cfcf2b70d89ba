package uk.customerhub.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import uk.customerhub.api.ConflictingRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store's rules, on the embedded server through the real driver. */
class CommitStorageEngineTest {
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private EmbeddedMongo mongo;
    private MutableClock clock;
    private CommitStorageEngine engine;

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo();
        clock = new MutableClock(Instant.parse("2026-03-03T10:00:00Z"));
        engine = mongo.engine(clock, WINDOW, 10);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void the_events_of_one_command_are_one_commit_and_read_back_in_order() {
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));
        engine.appendEvents(event("a", 3));

        assertThat(mongo.database.getCollection(CommitStorageEngine.COMMITS).countDocuments()).isEqualTo(2);
        assertThat(texts(engine.readEvents("a").asStream().toList())).containsExactly("a0", "a1", "a2", "a3");
        assertThat(texts(engine.readEvents("a", 3).asStream().toList())).containsExactly("a3");
        assertThat(engine.lastSequenceNumberFor("a")).contains(3L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void a_long_stream_is_read_across_many_lookup_windows() {
        for (int sequence = 0; sequence < 300; sequence++) {
            engine.appendEvents(event("long", sequence));
        }

        List<? extends DomainEventMessage<?>> events = engine.readEvents("long").asStream().toList();

        assertThat(events).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(Long::valueOf).toList());
        assertThat(engine.readEvents("long", 150).asStream().findFirst().orElseThrow().getSequenceNumber()).isEqualTo(150);
    }

    @Test
    void reading_from_the_middle_of_a_commit_starts_at_the_asked_sequence() {
        engine.appendEvents(event("m", 0), event("m", 1), event("m", 2), event("m", 3));

        assertThat(texts(engine.readEvents("m", 2).asStream().toList())).containsExactly("m2", "m3");
    }

    @Test
    void a_conflicting_append_fails_with_a_concurrency_exception_and_writes_nothing() {
        engine.appendEvents(event("c", 0), event("c", 1));
        engine.appendEvents(event("c", 2));

        // writers that loaded the record at the same version append from the same sequence number: one loses
        assertThatThrownBy(() -> engine.appendEvents(event("c", 2), event("c", 3))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("c", 0))).isInstanceOf(AggregateStreamCreationException.class);
        assertThat(texts(engine.readEvents("c").asStream().toList())).containsExactly("c0", "c1", "c2");
    }

    @Test
    void concurrent_conflicting_appends_never_produce_a_duplicate_sequence_number() throws Exception {
        int writers = 8;
        int rounds = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int sequence = 0; sequence < rounds; sequence++) {
                CyclicBarrier start = new CyclicBarrier(writers);
                long next = sequence;
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    int id = writer;
                    attempts.add(pool.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        try {
                            engine.appendEvents(new GenericDomainEventMessage<>("Customer", "race", next,
                                    new Noted("writer " + id + " at " + next)));
                            return true;
                        } catch (ConcurrencyException | AggregateStreamCreationException lost) {
                            return false;
                        }
                    }));
                }
                int winners = 0;
                for (Future<Boolean> attempt : attempts) {
                    winners += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("winners at sequence %d", sequence).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(engine.readEvents("race").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactlyElementsOf(IntStream.range(0, rounds).mapToObj(Long::valueOf).toList());
    }

    @Test
    void every_event_has_a_global_position_and_a_tracking_token_of_its_own() {
        engine.appendEvents(event("x", 0), event("x", 1));
        engine.appendEvents(event("y", 0));

        List<TrackedEventMessage<?>> tracked = track(null);

        assertThat(texts(tracked)).containsExactly("x0", "x1", "y0");
        assertThat(index(tracked.get(0).trackingToken())).isEqualTo(0);
        assertThat(index(tracked.get(1).trackingToken())).isEqualTo(1);
        assertThat(index(tracked.get(2).trackingToken())).isEqualTo(2);
        Document commit = mongo.database.getCollection(CommitStorageEngine.COMMITS).find(new Document("_id", 0L)).first();
        assertThat(commit.getList("events", Document.class)).extracting(event -> event.getLong("position")).containsExactly(0L, 1L);
    }

    @Test
    void tracking_resumes_after_a_token_without_repeating_or_skipping() {
        for (int i = 0; i < 25; i++) {
            engine.appendEvents(event("r" + i, 0));
        }
        List<TrackedEventMessage<?>> firstPart = track(null).subList(0, 12);
        TrackingToken resumeFrom = firstPart.get(11).trackingToken();

        List<TrackedEventMessage<?>> rest = track(resumeFrom);

        assertThat(texts(rest)).containsExactlyElementsOf(IntStream.range(12, 25).mapToObj(i -> "r" + i + "0").toList());
    }

    @Test
    void a_stream_opened_from_a_token_inside_a_commit_resumes_with_the_rest_of_that_commit() {
        engine.appendEvents(event("p", 0), event("p", 1), event("p", 2));
        engine.appendEvents(event("q", 0));
        TrackingToken afterFirstEventOfCommit = track(null).get(0).trackingToken();

        assertThat(texts(track(afterFirstEventOfCommit))).containsExactly("p1", "p2", "q0");
    }

    @Test
    void a_command_storing_more_events_than_a_commit_may_hold_is_refused_whole() {
        List<DomainEventMessage<?>> tooMany = new ArrayList<>();
        for (int sequence = 0; sequence <= CommitStorageEngine.MAX_COMMIT_EVENTS; sequence++) {
            tooMany.add(event("big", sequence));
        }

        assertThatThrownBy(() -> engine.appendEvents(tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.readEvents("big").asStream()).isEmpty();
    }

    @Test
    void a_late_write_inside_the_window_is_still_delivered() {
        long reservedByASlowWriter = reservePositionByHand();
        engine.appendEvents(event("after", 0));
        List<TrackedEventMessage<?>> first = track(null);
        assertThat(texts(first)).containsExactly("after0");
        GapAwareTrackingToken token = (GapAwareTrackingToken) first.get(0).trackingToken();
        assertThat(token.getGaps()).containsExactly(reservedByASlowWriter);

        clock.advance(WINDOW.minusSeconds(1));
        writeCommitByHand(reservedByASlowWriter, "late", "late-but-in-time");

        List<TrackedEventMessage<?>> next = track(token);
        assertThat(texts(next)).containsExactly("late-but-in-time");
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void past_the_window_a_gap_is_given_up_because_its_writer_has_abandoned_it() {
        long abandoned = reservePositionByHand();
        engine.appendEvents(event("first", 0));
        GapAwareTrackingToken token = (GapAwareTrackingToken) track(null).get(0).trackingToken();
        assertThat(token.getGaps()).containsExactly(abandoned);

        clock.advance(WINDOW.plusSeconds(1));
        engine.appendEvents(event("second", 0));
        List<TrackedEventMessage<?>> next = track(token);

        assertThat(texts(next)).containsExactly("second0");
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void a_writer_whose_reservation_grew_older_than_half_the_window_reserves_again() {
        MutableClock jumpy = new MutableClock(clock.instant()) {
            private int reads;

            @Override
            public Instant instant() {
                // the first reservation looks 6 s old by the time it would be written
                if (reads++ == 1) {
                    advance(Duration.ofSeconds(6));
                }
                return super.instant();
            }
        };
        CommitStorageEngine slow = mongo.engine(jumpy, WINDOW, 10);

        slow.appendEvents(event("slow", 0));

        assertThat(slow.abandonedReservations()).isEqualTo(1);
        List<TrackedEventMessage<?>> tracked = track(null);
        assertThat(texts(tracked)).containsExactly("slow0");
        assertThat(index(tracked.get(0).trackingToken())).isEqualTo(1);
    }

    @Test
    void events_not_applied_by_an_aggregate_are_stored_and_tracked_too() {
        engine.appendEvents(GenericEventMessage.asEventMessage(new Noted("broadcast")));

        assertThat(texts(track(null))).containsExactly("broadcast");
    }

    @Test
    void the_upcaster_chain_is_applied_when_aggregates_are_loaded_and_when_events_are_tracked() {
        engine.appendEvents(event("u", 0));
        SingleEventUpcaster renameText = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return representation.getType().getName().equals(Noted.class.getName());
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(representation.getType(), String.class,
                        json -> json.replace("\"u0\"", "\"u0 (upcast)\""));
            }
        };
        CommitStorageEngine upcasting = CommitStorageEngine.builder()
                .database(mongo.database)
                .eventSerializer(mongo.serializer)
                .snapshotSerializer(mongo.serializer)
                .upcasterChain(renameText)
                .clock(clock)
                .build();

        assertThat(texts(upcasting.readEvents("u").asStream().toList())).containsExactly("u0 (upcast)");
        List<TrackedEventMessage<?>> tracked = new ArrayList<>();
        upcasting.readEvents(null, false).forEach(tracked::add);
        assertThat(texts(tracked)).containsExactly("u0 (upcast)");
    }

    @Test
    void the_latest_snapshot_is_kept_and_an_older_one_never_replaces_it() {
        engine.storeSnapshot(new GenericDomainEventMessage<>("Customer", "s", 10, new Noted("state at 10")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Customer", "s", 20, new Noted("state at 20")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Customer", "s", 15, new Noted("state at 15")));

        DomainEventMessage<?> snapshot = engine.readSnapshot("s").orElseThrow();

        assertThat(snapshot.getSequenceNumber()).isEqualTo(20);
        assertThat(((Noted) snapshot.getPayload()).text()).isEqualTo("state at 20");
        assertThat(engine.readSnapshot("no-snapshot")).isEmpty();
    }

    @Test
    void head_and_time_tokens_point_where_they_should() {
        assertThat(engine.createHeadToken()).isNull();
        engine.appendEvents(event("t", 0));
        clock.advance(Duration.ofMinutes(5));
        Instant between = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        engine.appendEvents(event("t", 1));
        engine.appendEvents(event("t", 2));

        assertThat(index(engine.createHeadToken())).isEqualTo(2);
        assertThat(texts(track(engine.createTokenAt(between)))).containsExactly("t1", "t2");
        assertThat(texts(track(engine.createTokenAt(Instant.parse("2020-01-01T00:00:00Z"))))).containsExactly("t0", "t1", "t2");
        assertThat(track(engine.createHeadToken())).isEmpty();
    }

    @Test
    void a_key_claimed_with_a_commit_is_stored_with_its_events_and_a_second_claim_of_it_stores_nothing() {
        // given a command that claimed a key with its commit
        inCommand(() -> {
            CommitClaims.add("contact|k1");
            engine.appendEvents(event("first", 0));
        });

        // when another command on another record claims the same key
        assertThatThrownBy(() -> inCommand(() -> {
            CommitClaims.add("contact|k1");
            engine.appendEvents(event("second", 0), event("second", 1));
        })).isInstanceOf(ConflictingRequestException.class);

        // then nothing of the second command was stored, and the first commit holds the claim
        assertThat(engine.readEvents("second").asStream().toList()).isEmpty();
        assertThat(texts(track(null))).containsExactly("first0");
        Document first = mongo.database.getCollection(CommitStorageEngine.COMMITS).find().first();
        assertThat(first.getList(CommitStorageEngine.CLAIMS, String.class)).containsExactly("contact|k1");

        // and commits that claim nothing, or other keys, are stored side by side (the index is sparse)
        engine.appendEvents(event("plain", 0));
        engine.appendEvents(event("plain", 1));
        inCommand(() -> {
            CommitClaims.add("contact|k2");
            engine.appendEvents(event("third", 0));
        });
        assertThat(texts(track(null))).containsExactly("first0", "plain0", "plain1", "third0");
    }

    @Test
    void a_conflicting_append_that_also_claims_a_key_is_still_a_concurrency_conflict() {
        engine.appendEvents(event("c", 0));

        assertThatThrownBy(() -> inCommand(() -> {
            CommitClaims.add("contact|k3");
            engine.appendEvents(event("c", 0));
        })).isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void positions_reserved_ahead_save_round_trips_and_keep_each_aggregates_events_in_order_across_nodes() {
        // given two hub nodes on one database, each reserving up to 16 positions ahead
        CommitStorageEngine nodeA = mongo.engine(clock, WINDOW, 10, 16);
        CommitStorageEngine nodeB = mongo.engine(clock, WINDOW, 10, 16);

        // when one node appends 40 commits, then both take turns appending to the same records
        for (int i = 0; i < 40; i++) {
            nodeA.appendEvents(event("a-only", i));
        }
        long sequence = 0;
        for (int round = 0; round < 30; round++) {
            CommitStorageEngine node = round % 3 == 0 ? nodeB : nodeA;
            // a node appends on top of what it has loaded, as a command does
            node.readEvents("shared").asStream().count();
            node.appendEvents(event("shared", sequence++));
            nodeB.appendEvents(event("b-" + round, 0));
        }

        // then the busy node went to the counter far less often than once per commit
        assertThat(nodeA.counterRoundTrips()).isLessThan(40);
        // and a reader gets every event, over the positions the nodes reserved ahead and left unused
        List<TrackedEventMessage<?>> tracked = trackAll();
        assertThat(tracked).hasSize(40 + 30 + 30);
        java.util.Map<String, Long> lastIndex = new java.util.HashMap<>();
        java.util.Map<String, Long> lastSequence = new java.util.HashMap<>();
        for (TrackedEventMessage<?> event : tracked) {
            DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
            long index = index(event.trackingToken());
            Long before = lastIndex.put(domain.getAggregateIdentifier(), index);
            Long sequenceBefore = lastSequence.put(domain.getAggregateIdentifier(), domain.getSequenceNumber());
            if (before != null) {
                assertThat(index).as("position of %s", domain.getAggregateIdentifier()).isGreaterThan(before);
                assertThat(domain.getSequenceNumber()).isEqualTo(sequenceBefore + 1);
            }
        }
        assertThat(texts(engine.readEvents("shared").asStream().toList())).hasSize(30);
    }

    @Test
    void concurrent_appends_share_the_positions_reserved_ahead_and_leave_next_to_none_unused() throws Exception {
        CommitStorageEngine node = mongo.engine(clock, WINDOW, 10, 64);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                String aggregate = "w" + writer;
                done.add(writers.submit(() -> {
                    for (int sequence = 0; sequence < 50; sequence++) {
                        node.appendEvents(event(aggregate, sequence));
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        // appends queued while a reservation was on its way take the block it brought, not a block of their own
        assertThat(node.counterRoundTrips()).isLessThan(400 / 4);
        assertThat(node.positionsLeftUnused()).isLessThan(64);
        assertThat(trackAll()).hasSize(400);
    }

    @Test
    void a_node_uses_positions_reserved_ahead_only_while_they_are_fresh() {
        CommitStorageEngine node = mongo.engine(clock, WINDOW, 10, 16);
        node.appendEvents(event("q", 0));
        node.appendEvents(event("q", 1));
        long tripsBefore = node.counterRoundTrips();

        // a quiet spell longer than a quarter of the gap window: the block reserved ahead is not used any more
        clock.advance(WINDOW.dividedBy(4).plusSeconds(1));
        node.appendEvents(event("q", 2));

        assertThat(node.counterRoundTrips()).isEqualTo(tripsBefore + 1);
        List<TrackedEventMessage<?>> tracked = track(null);
        assertThat(texts(tracked)).containsExactly("q0", "q1", "q2");
    }

    /** Reads batch after batch until a read brings nothing new, as a tracking processor does. */
    private List<TrackedEventMessage<?>> trackAll() {
        List<TrackedEventMessage<?>> all = new ArrayList<>();
        TrackingToken token = null;
        while (true) {
            List<TrackedEventMessage<?>> batch = track(token);
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            token = batch.get(batch.size() - 1).trackingToken();
        }
    }

    private static void inCommand(Runnable work) {
        org.axonframework.messaging.unitofwork.DefaultUnitOfWork<?> command =
                org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                        org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage("a command"));
        try {
            work.run();
        } catch (RuntimeException e) {
            command.rollback(e);
            throw e;
        }
        command.commit();
    }

    private long reservePositionByHand() {
        Document counter = mongo.database.getCollection(CommitStorageEngine.COUNTERS).findOneAndUpdate(
                new Document("_id", PositionReservations.COUNTER_ID), new Document("$inc", new Document("next", 1L)),
                new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true)
                        .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
        return ((Number) counter.get("next")).longValue() - 1;
    }

    private void writeCommitByHand(long position, String aggregateId, String text) {
        EventCommit commit = EventCommit.of(List.of(new GenericDomainEventMessage<>("Customer", aggregateId, 0, new Noted(text))),
                position, clock.instant(), mongo.serializer);
        mongo.database.getCollection(CommitStorageEngine.COMMITS).insertOne(commit.document());
    }

    private List<TrackedEventMessage<?>> track(TrackingToken from) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        engine.readEvents(from, false).forEach(events::add);
        return events;
    }

    private static long index(TrackingToken token) {
        return ((GapAwareTrackingToken) token).getIndex();
    }

    private static DomainEventMessage<Noted> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Customer", aggregateId, sequence, new Noted(aggregateId + sequence));
    }

    private static List<String> texts(List<? extends org.axonframework.eventhandling.EventMessage<?>> events) {
        return events.stream().map(event -> ((Noted) event.getPayload()).text()).toList();
    }
}
