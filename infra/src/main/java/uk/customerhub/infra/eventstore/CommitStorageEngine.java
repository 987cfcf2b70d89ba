package uk.customerhub.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import uk.customerhub.infra.mongo.CoveredWrites;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The hub's event store on MongoDB, built for a server that has only unique hash indexes (the embedded
 * mongo-java-server) and equally at home on a real replica set. See {@code docs/adr/0002-event-store-on-mongodb.md}.
 * <ul>
 *   <li><b>Atomic commits.</b> All events of one command on one aggregate are one document ({@link EventCommit});
 *   its unique {@code stream} key (aggregate id and first sequence number) makes a concurrent conflicting append
 *   fail with Axon's {@link ConcurrencyException}, with nothing half-written.</li>
 *   <li><b>Global positions.</b> An append reserves as many positions as it has events from one counter document
 *   ({@code $inc}), so several hub nodes can share a database and an aggregate's later events always get higher
 *   positions. The commit's {@code _id} is its first position.</li>
 *   <li><b>Equality lookups only.</b> Tracking reads are {@code $in} on {@code _id} (the next positions and the
 *   token's gaps), aggregate loads are {@code $in} on {@code stream}, snapshots and tokens are by {@code _id}: the
 *   cost of a read does not grow with the store.</li>
 *   <li><b>Never skip.</b> Tracking tokens are gap-aware: a position reserved but not yet written is kept as a gap
 *   and delivered when it arrives. A gap is given up only after the {@code gapWindow}; a writer whose reservation is
 *   older than half the window abandons it before writing and reserves again, so a reader that waited out the window
 *   has seen every event that will ever be written below it (given node clocks within half a window).</li>
 *   <li>All events of a commit carry the tracking token of the commit's last position, so a processor handles a
 *   commit in one batch and never resumes in the middle of one.</li>
 * </ul>
 */
public class CommitStorageEngine extends BatchingEventStorageEngine {
    private static final Logger log = LoggerFactory.getLogger(CommitStorageEngine.class);
    static final String COMMITS = "event_commits";
    static final String COUNTERS = "event_counters";
    static final String SNAPSHOTS = "event_snapshots";
    /** How many stream keys one aggregate read asks for at once. */
    private static final int STREAM_WINDOW = 64;
    /** The most events one command may store in one commit (the look-back of a resumed stream). */
    static final int MAX_COMMIT_EVENTS = 128;
    /** Gap positions further behind the token's index than this are dropped (on top of the time window). */
    private static final int MAX_GAP_OFFSET = 1_000_000;

    private final MongoCollection<Document> commits;
    private final PositionReservations reservations;
    private final MongoCollection<Document> snapshots;
    private final Duration gapWindow;
    private final Clock clock;
    private final Map<Long, Instant> gapsFirstSeen = new ConcurrentHashMap<>();
    private final AtomicLong abandonedReservations = new AtomicLong();

    protected CommitStorageEngine(Builder builder) {
        super(builder);
        this.commits = builder.database.getCollection(COMMITS);
        // a reservation is followed by the durable insert of its commit, which vouches for it (CoveredWrites)
        this.reservations = new PositionReservations(builder.database.getCollection(COUNTERS)
                .withWriteConcern(CoveredWrites.WRITE_CONCERN));
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.gapWindow = builder.gapWindow;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the unique index on {@code stream} (the only index besides {@code _id}). Safe to call repeatedly. */
    public void ensureIndexes() {
        commits.createIndex(Indexes.ascending(EventCommit.STREAM), new IndexOptions().unique(true).name("stream_unique"));
    }

    /** Reservations abandoned because they grew older than half the gap window before they were written. */
    public long abandonedReservations() {
        return abandonedReservations.get();
    }

    public Duration gapWindow() {
        return gapWindow;
    }

    // ---- appending ----------------------------------------------------------------------------------------------

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        for (List<? extends EventMessage<?>> commit : byStream(events)) {
            append(commit, serializer);
        }
    }

    private void append(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.size() > MAX_COMMIT_EVENTS) {
            throw new IllegalArgumentException("one command may store at most " + MAX_COMMIT_EVENTS
                    + " events; this one applied " + events.size());
        }
        while (true) {
            long firstPosition = reserve(events.size());
            Instant reservedAt = clock.instant();
            EventCommit commit = EventCommit.of(events, firstPosition, reservedAt, serializer);
            if (Duration.between(reservedAt, clock.instant()).compareTo(gapWindow.dividedBy(2)) > 0) {
                abandonedReservations.incrementAndGet();
                continue;
            }
            try {
                commits.insertOne(commit.document());
                CoveredWrites.durableWriteDone();
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document holder = commits.find(Filters.eq(EventCommit.ID, firstPosition)).first();
                if (holder != null && !commit.stream().equals(holder.getString(EventCommit.STREAM))) {
                    // the position is taken (a counter restored behind the commits): reserve again
                    log.warn("Event position {} was already used; reserving another", firstPosition);
                    continue;
                }
                throw conflict(commit, e);
            }
        }
    }

    private static RuntimeException conflict(EventCommit commit, Exception cause) {
        String message = "Another command appended to " + commit.aggregateType() + " " + commit.aggregateId()
                + " at sequence number " + commit.firstSequence() + " first";
        return commit.firstSequence() == 0
                ? new AggregateStreamCreationException(message, cause)
                : new ConcurrencyException(message, cause);
    }

    private long reserve(int count) {
        return reservations.reserve(count);
    }

    /** The events of one append, split into one commit per aggregate (a command normally touches one). */
    private static List<List<? extends EventMessage<?>>> byStream(List<? extends EventMessage<?>> events) {
        Map<String, List<EventMessage<?>>> streams = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            String key = event instanceof DomainEventMessage<?> domain ? "aggregate/" + domain.getAggregateIdentifier()
                    : "event/" + event.getIdentifier();
            streams.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
        }
        return new ArrayList<>(streams.values());
    }

    // ---- tracking -----------------------------------------------------------------------------------------------

    /**
     * Opens a tracking stream. Its first batch also looks back over the last {@value #MAX_COMMIT_EVENTS} positions, so
     * a token that stopped inside a commit (a processor may store one) resumes with the rest of that commit; later
     * batches start where a commit ended and need no look-back.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        List<? extends TrackedEventData<?>> first = fetch(trackingToken, batchSize(), true);
        if (first.size() < batchSize()) {
            return first.stream();
        }
        TrackingToken afterFirst = first.get(first.size() - 1).trackingToken();
        return Stream.concat(first.stream(), super.readEventData(afterFirst, mayBlock));
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return fetch(lastToken, batchSize, false);
    }

    private List<? extends TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize, boolean lookBack) {
        GapAwareTrackingToken token = lastToken == null ? GapAwareTrackingToken.newInstance(-1, List.of())
                : (GapAwareTrackingToken) lastToken;
        List<Long> positions = new ArrayList<>(token.getGaps());
        long from = lookBack ? Math.max(0, token.getIndex() - MAX_COMMIT_EVENTS + 1) : token.getIndex() + 1;
        for (long position = from; position <= token.getIndex() + batchSize; position++) {
            positions.add(position);
        }
        List<TrackedEventData<?>> events = new ArrayList<>();
        GapAwareTrackingToken current = token;
        for (EventCommit commit : commitsAt(positions)) {
            List<DomainEventData<String>> data = commit.eventData();
            for (int i = 0; i < data.size(); i++) {
                long position = commit.firstPosition() + i;
                if (position <= current.getIndex() && !current.getGaps().contains(position)) {
                    continue; // delivered before
                }
                current = current.advanceTo(position, MAX_GAP_OFFSET);
                gapsFirstSeen.remove(position);
                events.add(new TrackedDomainEventData<>(current, data.get(i)));
            }
        }
        GapAwareTrackingToken withoutExpiredGaps = withoutExpiredGaps(current);
        return events.isEmpty() || withoutExpiredGaps == current ? events : retoken(events, current, withoutExpiredGaps);
    }

    private List<EventCommit> commitsAt(List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        List<EventCommit> found = new ArrayList<>();
        commits.find(Filters.in(EventCommit.ID, positions)).forEach(document -> found.add(EventCommit.from(document)));
        found.sort(Comparator.comparingLong(EventCommit::firstPosition));
        return found;
    }

    /** The token without the gaps that were first seen longer than the gap window ago (their writers gave up). */
    private GapAwareTrackingToken withoutExpiredGaps(GapAwareTrackingToken token) {
        if (!token.hasGaps()) {
            return token;
        }
        Instant now = clock.instant();
        SortedSet<Long> kept = new TreeSet<>();
        for (Long gap : token.getGaps()) {
            Instant firstSeen = gapsFirstSeen.computeIfAbsent(gap, g -> now);
            if (Duration.between(firstSeen, now).compareTo(gapWindow) <= 0) {
                kept.add(gap);
            } else {
                log.debug("Event position {} was reserved but not written within {}: its writer gave it up", gap, gapWindow);
            }
        }
        // forget positions given up long ago, so the memory of gaps stays small
        gapsFirstSeen.values().removeIf(firstSeen -> Duration.between(firstSeen, now).compareTo(gapWindow.multipliedBy(10)) > 0);
        return kept.size() == token.getGaps().size() ? token : GapAwareTrackingToken.newInstance(token.getIndex(), kept);
    }

    /** The events with the last event's token replaced by {@code replacement} (same index, fewer gaps). */
    private static List<TrackedEventData<?>> retoken(List<TrackedEventData<?>> events, GapAwareTrackingToken last,
                                                     GapAwareTrackingToken replacement) {
        List<TrackedEventData<?>> result = new ArrayList<>(events.size());
        for (TrackedEventData<?> event : events) {
            result.add(event.trackingToken().equals(last)
                    ? new TrackedDomainEventData<>(replacement, (DomainEventData<?>) event) : event);
        }
        return result;
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long next = nextPosition();
        if (next == 0) {
            return null;
        }
        long from = Math.max(0, next - batchSize());
        List<Long> recent = new ArrayList<>();
        for (long position = from; position < next; position++) {
            recent.add(position);
        }
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(from - 1, List.of());
        for (EventCommit commit : commitsAt(recent)) {
            for (long position = Math.max(commit.firstPosition(), from); position <= commit.lastPosition(); position++) {
                token = token.advanceTo(position, MAX_GAP_OFFSET);
            }
        }
        // positions reserved but not written yet stay gaps, so they are delivered when they arrive
        for (long position = token.getIndex() + 1; position < next; position++) {
            token = token.advanceTo(position, MAX_GAP_OFFSET);
        }
        return token.getIndex() < next - 1 ? GapAwareTrackingToken.newInstance(next - 1, token.getGaps()) : token;
    }

    /**
     * A token just before the first commit recorded at or after {@code instant}: a binary search over positions,
     * each probe an equality lookup.
     */
    @Override
    public TrackingToken createTokenAt(Instant instant) {
        long low = 0;
        long high = nextPosition();
        while (low < high) {
            long middle = (low + high) >>> 1;
            Optional<EventCommit> probe = firstCommitFrom(middle, high);
            if (probe.isEmpty() || !probe.get().reservedAt().isBefore(instant)) {
                high = middle;
            } else {
                low = probe.get().lastPosition() + 1;
            }
        }
        return low == 0 ? null : GapAwareTrackingToken.newInstance(low - 1, List.of());
    }

    private Optional<EventCommit> firstCommitFrom(long position, long limit) {
        for (long from = position; from < limit; from += batchSize()) {
            List<Long> window = new ArrayList<>();
            for (long p = from; p < Math.min(limit, from + batchSize()); p++) {
                window.add(p);
            }
            List<EventCommit> found = commitsAt(window);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    private long nextPosition() {
        return reservations.next();
    }

    // ---- aggregates -----------------------------------------------------------------------------------------------

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateId, long firstSequence, int batchSize) {
        List<DomainEventData<?>> events = new ArrayList<>();
        long expected = firstSequence;
        boolean first = true;
        while (events.size() < batchSize) {
            Map<Long, EventCommit> window = streamWindow(aggregateId, expected);
            if (!window.containsKey(expected) && first && expected > 0) {
                long start = expected;
                findCommitContaining(aggregateId, start).ifPresent(commit -> window.put(start, commit));
            }
            first = false;
            long windowEnd = expected + STREAM_WINDOW;
            EventCommit commit;
            while ((commit = window.get(expected)) != null) {
                for (DomainEventData<String> data : commit.eventData()) {
                    if (data.getSequenceNumber() >= firstSequence) {
                        events.add(data);
                    }
                }
                expected = commit.lastSequence() + 1;
            }
            if (window.isEmpty() || expected < windowEnd) {
                break; // the stream ended inside this window
            }
        }
        return events;
    }

    /** The commits of an aggregate that start at {@code from} … {@code from + STREAM_WINDOW - 1}, by first sequence. */
    private Map<Long, EventCommit> streamWindow(String aggregateId, long from) {
        List<String> keys = new ArrayList<>(STREAM_WINDOW);
        for (long sequence = from; sequence < from + STREAM_WINDOW; sequence++) {
            keys.add(EventCommit.streamKey(aggregateId, sequence));
        }
        Map<Long, EventCommit> found = new HashMap<>();
        commits.find(Filters.in(EventCommit.STREAM, keys))
                .forEach(document -> {
                    EventCommit commit = EventCommit.from(document);
                    found.put(commit.firstSequence(), commit);
                });
        return found;
    }

    /** The commit holding {@code sequence} when it does not start one (a read from the middle of a commit). */
    private Optional<EventCommit> findCommitContaining(String aggregateId, long sequence) {
        Map<Long, EventCommit> before = streamWindow(aggregateId, Math.max(0, sequence - STREAM_WINDOW));
        return before.values().stream()
                .filter(commit -> commit.firstSequence() <= sequence && commit.lastSequence() >= sequence)
                .findFirst();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateId) {
        long from = readSnapshotData(aggregateId).findFirst().map(snapshot -> snapshot.getSequenceNumber() + 1).orElse(0L);
        Long last = from == 0 ? null : from - 1;
        while (true) {
            Map<Long, EventCommit> window = streamWindow(aggregateId, from);
            long windowEnd = from + STREAM_WINDOW;
            EventCommit commit;
            while ((commit = window.get(from)) != null) {
                last = commit.lastSequence();
                from = last + 1;
            }
            if (window.isEmpty() || from < windowEnd) {
                return Optional.ofNullable(last);
            }
        }
    }

    // ---- snapshots ------------------------------------------------------------------------------------------------

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("sequence", snapshot.getSequenceNumber())
                .append("eventId", snapshot.getIdentifier())
                .append("timestamp", snapshot.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
        // by _id only: the embedded server scans the whole collection for any other filter. Two snapshots of one
        // aggregate racing could leave the older one stored, which is still a correct (if shorter) snapshot.
        Document stored = snapshots.find(Filters.eq("_id", snapshot.getAggregateIdentifier())).first();
        if (stored == null || stored.getLong("sequence") < snapshot.getSequenceNumber()) {
            snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), document, new ReplaceOptions().upsert(true));
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        Document found = snapshots.find(Filters.eq("_id", aggregateId)).first();
        if (found == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(found.getString("aggregateType"), aggregateId,
                found.getLong("sequence"), found.getString("eventId"), found.getString("timestamp"),
                found.getString("payloadType"), found.getString("payloadRevision"), found.getString("payload"),
                found.getString("metaData")));
    }

    /** Builds a {@link CommitStorageEngine}. */
    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private Duration gapWindow = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** How long a reserved position may stay unwritten before readers give it up (default 10 s). */
        public Builder gapWindow(Duration gapWindow) {
            this.gapWindow = gapWindow;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public CommitStorageEngine build() {
            return new CommitStorageEngine(this);
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("the event store needs a MongoDatabase");
            }
            if (gapWindow == null || gapWindow.isNegative() || gapWindow.isZero()) {
                throw new org.axonframework.common.AxonConfigurationException("the gap window must be positive");
            }
        }
    }
}
