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
import uk.customerhub.api.ConflictingRequestException;

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
 *   fail with Axon's {@link ConcurrencyException}, with nothing half-written. Hub-wide unique keys the command
 *   claims ({@link CommitClaims}: a new contact's id) are in the same document under a unique sparse index, so they
 *   are stored with the events or not at all.</li>
 *   <li><b>Global positions.</b> An append reserves as many positions as it has events from one counter document
 *   ({@code $inc}), so several hub nodes can share a database and an aggregate's later events always get higher
 *   positions. The commit's {@code _id} is its first position. A node may reserve a few positions ahead for its next
 *   appends ({@link Builder#positionBlock}), used only for an aggregate whose latest known position is below them
 *   ({@link PositionReservations}).</li>
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
    /** The hub-wide unique keys a commit claims ({@link CommitClaims}); absent when it claims none. */
    static final String CLAIMS = "claims";
    /** How many stream keys one aggregate read asks for at once. */
    private static final int STREAM_WINDOW = 64;
    /** The most events one command may store in one commit (the look-back of a resumed stream). */
    static final int MAX_COMMIT_EVENTS = 128;
    /** Gap positions further behind the token's index than this are dropped (on top of the time window). */
    private static final int MAX_GAP_OFFSET = 1_000_000;
    /** How many batches of positions below the counter the head token looks through for the highest written one. */
    private static final int HEAD_SEARCH_WINDOWS = 100;

    private final MongoCollection<Document> commits;
    private final PositionReservations reservations;
    private final LatestPositions latestPositions;
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
                .withWriteConcern(CoveredWrites.WRITE_CONCERN), builder.positionBlock, builder.gapWindow.dividedBy(4),
                builder.clock);
        this.latestPositions = new LatestPositions(builder.rememberedAggregates);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.gapWindow = builder.gapWindow;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the unique index on {@code stream} and the unique, sparse one on {@code claims} (the only indexes besides
     * {@code _id}). Safe to call repeatedly.
     */
    public void ensureIndexes() {
        commits.createIndex(Indexes.ascending(EventCommit.STREAM), new IndexOptions().unique(true).name("stream_unique"));
        commits.createIndex(Indexes.ascending(CLAIMS), new IndexOptions().unique(true).sparse(true).name("claims_unique"));
    }

    /** Round trips made to the position counter so far (fewer than appends when positions are reserved ahead). */
    public long counterRoundTrips() {
        return reservations.counterRoundTrips();
    }

    /** Positions reserved ahead and never used: gaps that readers waited out. */
    public long positionsLeftUnused() {
        return reservations.positionsLeftUnused();
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
        List<String> claims = CommitClaims.take();
        for (List<? extends EventMessage<?>> commit : byStream(events)) {
            append(commit, claims, serializer);
            claims = List.of(); // a command's claims go with its first commit (it normally makes one)
        }
    }

    private void append(List<? extends EventMessage<?>> events, List<String> claims, Serializer serializer) {
        if (events.size() > MAX_COMMIT_EVENTS) {
            throw new IllegalArgumentException("one command may store at most " + MAX_COMMIT_EVENTS
                    + " events; this one applied " + events.size());
        }
        long above = positionToExceed(events);
        while (true) {
            PositionReservations.Reservation reservation = reservations.reserve(events.size(), above);
            EventCommit commit = EventCommit.of(events, reservation.first(), reservation.reservedAt(), serializer);
            if (Duration.between(reservation.reservedAt(), clock.instant()).compareTo(gapWindow.dividedBy(2)) > 0) {
                abandonedReservations.incrementAndGet();
                above = Math.max(above, reservation.first());
                continue;
            }
            Document document = commit.document();
            if (!claims.isEmpty()) {
                document.append(CLAIMS, claims);
            }
            try {
                commits.insertOne(document);
                CoveredWrites.durableWriteDone();
                if (commit.isDomainStream()) {
                    latestPositions.saw(commit.aggregateId(), commit.lastPosition());
                }
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document holder = commits.find(Filters.eq(EventCommit.ID, reservation.first())).first();
                if (holder != null && !commit.stream().equals(holder.getString(EventCommit.STREAM))) {
                    // the position is taken (a counter restored behind the commits): reserve again
                    log.warn("Event position {} was already used; reserving another", reservation.first());
                    above = Math.max(above, EventCommit.from(holder).lastPosition());
                    continue;
                }
                if (holder == null && !claims.isEmpty()
                        && commits.find(Filters.eq(EventCommit.STREAM, commit.stream())).first() == null) {
                    throw new ConflictingRequestException("the contact id is already in use, on another record or with "
                            + "a different body; nothing was stored");
                }
                throw conflict(commit, e);
            }
        }
    }

    /**
     * The position this commit's events must come after: nothing for an aggregate's first events (or events of no
     * aggregate), else the latest position known of the aggregate (from this node's appends and loads), or
     * {@link Long#MAX_VALUE} when it is not known, which makes the reservation a fresh one from the counter.
     */
    private long positionToExceed(List<? extends EventMessage<?>> events) {
        if (!(events.get(0) instanceof DomainEventMessage<?> first) || first.getSequenceNumber() == 0) {
            return -1;
        }
        return latestPositions.of(first.getAggregateIdentifier());
    }

    private static RuntimeException conflict(EventCommit commit, Exception cause) {
        String message = "Another command appended to " + commit.aggregateType() + " " + commit.aggregateId()
                + " at sequence number " + commit.firstSequence() + " first";
        return commit.firstSequence() == 0
                ? new AggregateStreamCreationException(message, cause)
                : new ConcurrencyException(message, cause);
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
        List<EventCommit> found = commitsAt(positions);
        if (found.stream().noneMatch(commit -> commit.lastPosition() > token.getIndex())) {
            long reach = firstCommitBeyond(token.getIndex() + batchSize, batchSize);
            if (reach >= 0) {
                // read everything up to it again, now: an event written below it before it was (an aggregate's
                // earlier event, say) is seen in this read, so nothing is delivered ahead of what came first
                for (long position = token.getIndex() + batchSize + 1; position <= reach; position++) {
                    positions.add(position);
                }
                found = commitsAt(positions);
            }
        }
        found = withLateArrivals(found, positions);
        for (EventCommit commit : found) {
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

    /**
     * When a whole batch of positions after the token holds nothing, positions reserved but never written (a block a
     * node reserved ahead and left, reservations abandoned) may lie between the token and later commits: the last
     * position of the first commit after {@code from}, up to the counter, looked up a batch of positions at a time
     * (-1: none). The positions stepped over become the token's gaps, so they are still delivered if written within
     * the gap window.
     */
    private long firstCommitBeyond(long from, int batchSize) {
        long next = nextPosition();
        for (long start = from + 1; start < next; start += batchSize) {
            List<Long> window = new ArrayList<>(batchSize);
            for (long position = start; position < Math.min(next, start + batchSize); position++) {
                window.add(position);
            }
            List<EventCommit> found = commitsAt(window);
            if (!found.isEmpty()) {
                return found.get(0).lastPosition();
            }
        }
        return -1;
    }

    /**
     * The commits found, plus those at the positions below the highest found that were still empty when looked at.
     * One {@code $in} looks its positions up one after another, so a commit written meanwhile can be missed while a
     * later one (the same aggregate's next, say) is seen; asking again for the empty positions after the first read
     * has returned sees every commit written before anything that read found.
     */
    private List<EventCommit> withLateArrivals(List<EventCommit> found, List<Long> positions) {
        if (found.isEmpty()) {
            return found;
        }
        long highest = found.get(found.size() - 1).lastPosition();
        List<Long> empty = new ArrayList<>();
        int next = 0;
        for (long position : positions.stream().sorted().toList()) {
            if (position > highest) {
                break;
            }
            while (next < found.size() && found.get(next).lastPosition() < position) {
                next++;
            }
            if (next >= found.size() || position < found.get(next).firstPosition()) {
                empty.add(position);
            }
        }
        List<EventCommit> late = commitsAt(empty);
        if (late.isEmpty()) {
            return found;
        }
        List<EventCommit> all = new ArrayList<>(found);
        all.addAll(late);
        all.sort(Comparator.comparingLong(EventCommit::firstPosition));
        return all;
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

    /**
     * A token at the highest position written so far, found a batch of positions at a time from the counter down:
     * positions reserved above it and not written yet (in flight, or reserved ahead by a node) are after the token and
     * delivered when they arrive; those below it in its batch that are not written yet are its gaps.
     */
    @Override
    public TrackingToken createHeadToken() {
        long next = nextPosition();
        if (next == 0) {
            return null;
        }
        long to = next;
        for (int window = 0; window < HEAD_SEARCH_WINDOWS && to > 0; window++) {
            long from = Math.max(0, to - batchSize());
            List<Long> positions = new ArrayList<>();
            for (long position = from; position < to; position++) {
                positions.add(position);
            }
            List<EventCommit> written = commitsAt(positions);
            if (!written.isEmpty()) {
                GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(from - 1, List.of());
                for (EventCommit commit : written) {
                    for (long position = Math.max(commit.firstPosition(), from); position <= commit.lastPosition(); position++) {
                        token = token.advanceTo(position, MAX_GAP_OFFSET);
                    }
                }
                return token;
            }
            to = from;
        }
        // nothing written in the positions looked at: they were all given up
        return to == 0 ? null : GapAwareTrackingToken.newInstance(next - 1, List.of());
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
                latestPositions.saw(aggregateId, commit.lastPosition());
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
        private int positionBlock = 1;
        private int rememberedAggregates = 50_000;

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** How long a reserved position may stay unwritten before readers give it up (default 10 s). */
        public Builder gapWindow(Duration gapWindow) {
            this.gapWindow = gapWindow;
            return this;
        }

        /**
         * The most positions a node reserves ahead for its next appends (default 1: none, every append reserves its own
         * from the counter). See {@link PositionReservations}: an aggregate's later events still get higher positions.
         */
        public Builder positionBlock(int positionBlock) {
            this.positionBlock = positionBlock;
            return this;
        }

        /** How many aggregates' latest positions the node remembers, so it may use positions reserved ahead for them. */
        public Builder rememberedAggregates(int rememberedAggregates) {
            this.rememberedAggregates = rememberedAggregates;
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
            if (positionBlock < 1 || positionBlock > 1024) {
                throw new org.axonframework.common.AxonConfigurationException("the position block must be 1 to 1024");
            }
            if (rememberedAggregates < 1) {
                throw new org.axonframework.common.AxonConfigurationException("remembered aggregates must be positive");
            }
            if (gapWindow == null || gapWindow.isNegative() || gapWindow.isZero()) {
                throw new org.axonframework.common.AxonConfigurationException("the gap window must be positive");
            }
        }
    }
}
