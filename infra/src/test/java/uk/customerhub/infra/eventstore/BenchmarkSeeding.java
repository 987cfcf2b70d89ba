package uk.customerhub.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/**
 * Test-side access to the event store's document layout for the benchmark ({@code uk.customerhub.infra.benchmark}):
 * builds commit documents exactly as {@link CommitStorageEngine} stores them ({@link EventCommit#of} and
 * {@link EventCommit#document()}), so stored events can be seeded by bulk inserts instead of one append at a time.
 * Not used by any test or by the application.
 */
public final class BenchmarkSeeding {
    private BenchmarkSeeding() {
    }

    /** The collection commits are stored in. */
    public static final String COMMITS = CommitStorageEngine.COMMITS;

    /** The document of one commit holding {@code events} (of one aggregate), at global position {@code firstPosition}. */
    public static Document commitDocument(List<? extends EventMessage<?>> events, long firstPosition, Instant reservedAt,
                                          Serializer serializer) {
        return EventCommit.of(events, firstPosition, reservedAt, serializer).document();
    }

    /** The next global position the store would hand out (0 for an empty store). */
    public static long nextPosition(MongoDatabase database) {
        Document counter = database.getCollection(CommitStorageEngine.COUNTERS).find(Filters.eq("_id", "global-position")).first();
        return counter == null ? 0 : ((Number) counter.get("next")).longValue();
    }

    /**
     * The batch a tracking processor whose token stands at {@code afterPosition} (no gaps) fetches next: the same
     * call {@link CommitStorageEngine}'s tracking stream makes for every batch after its first. Returns how many
     * events it found.
     */
    public static int nextTrackingBatch(EventStorageEngine engine, long afterPosition, int batchSize) {
        return ((CommitStorageEngine) engine)
                .fetchTrackedEvents(GapAwareTrackingToken.newInstance(afterPosition, List.of()), batchSize).size();
    }

    /** Sets the position counter, after seeded commits took the positions below {@code next}. */
    public static void setNextPosition(MongoDatabase database, long next) {
        database.getCollection(CommitStorageEngine.COUNTERS).replaceOne(Filters.eq("_id", "global-position"),
                new Document("_id", "global-position").append("next", next), new ReplaceOptions().upsert(true));
    }
}
