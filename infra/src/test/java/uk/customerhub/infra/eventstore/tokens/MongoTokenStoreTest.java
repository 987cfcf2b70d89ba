package uk.customerhub.infra.eventstore.tokens;

import uk.customerhub.infra.eventstore.MutableClock;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link org.axonframework.eventhandling.tokenstore.TokenStore} contract, two "nodes" sharing one database. */
@Timeout(30)
class MongoTokenStoreTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PROCESSOR = "single-view";

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private MongoTokenStore nodeA;
    private MongoTokenStore nodeB;

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo();
        database = mongo.database();
        nodeA = new MongoTokenStore(database, serializer, TIMEOUT, "node-a", clock);
        nodeB = new MongoTokenStore(database, serializer, TIMEOUT, "node-b", clock);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static TrackingToken position(long index) {
        return new GlobalSequenceTrackingToken(index);
    }

    @Test
    void requires_explicit_initialization() {
        assertThat(nodeA.requiresExplicitSegmentInitialization()).isTrue();
    }

    @Test
    void initializing_creates_unclaimed_segments_holding_the_initial_token() {
        nodeA.initializeTokenSegments(PROCESSOR, 3, position(7));

        assertThat(nodeA.fetchSegments(PROCESSOR)).containsExactly(0, 1, 2);
        assertThat(nodeB.fetchSegments(PROCESSOR)).containsExactly(0, 1, 2);
        // unclaimed: the other node may take any of them
        assertThat(nodeB.fetchAvailableSegments(PROCESSOR)).extracting(Segment::getSegmentId).containsExactly(0, 1, 2);
        assertThat(nodeB.fetchAvailableSegments(PROCESSOR))
                .containsExactly(Segment.computeSegment(0, 0, 1, 2), Segment.computeSegment(1, 0, 1, 2),
                                 Segment.computeSegment(2, 0, 1, 2));
        for (int segment = 0; segment < 3; segment++) {
            assertThat(nodeB.fetchToken(PROCESSOR, segment)).isEqualTo(position(7));
        }
        assertThat(nodeA.fetchSegments("another-processor")).isEmpty();
        assertThat(nodeA.fetchAvailableSegments("another-processor")).isEmpty();
    }

    @Test
    void initializing_without_a_token_stores_null() {
        nodeA.initializeTokenSegments(PROCESSOR, 2);

        assertThat(nodeA.fetchToken(PROCESSOR, 0)).isNull();
        assertThat(nodeA.fetchToken(PROCESSOR, 1)).isNull();
    }

    @Test
    void initializing_twice_fails_and_changes_nothing() {
        nodeA.initializeTokenSegments(PROCESSOR, 2, position(5));
        nodeA.storeToken(position(9), PROCESSOR, 0);

        assertThatThrownBy(() -> nodeB.initializeTokenSegments(PROCESSOR, 4, position(1)))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> nodeA.initializeTokenSegments(PROCESSOR, 2))
                .isInstanceOf(UnableToClaimTokenException.class);

        assertThat(nodeA.fetchSegments(PROCESSOR)).containsExactly(0, 1);
        assertThat(nodeA.fetchToken(PROCESSOR, 0)).isEqualTo(position(9));
    }

    @Test
    void segments_that_were_never_initialized_cannot_be_claimed_or_stored() {
        assertThatThrownBy(() -> nodeA.fetchToken(PROCESSOR, 0))
                .isInstanceOf(UnableToClaimTokenException.class).hasMessageContaining("not been initialized");
        assertThatThrownBy(() -> nodeA.storeToken(position(1), PROCESSOR, 0))
                .isInstanceOf(UnableToClaimTokenException.class).hasMessageContaining("not been initialized");
        assertThatThrownBy(() -> nodeA.extendClaim(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(nodeA.fetchSegments(PROCESSOR)).isEmpty();
    }

    @Test
    void store_then_fetch_round_trips_every_kind_of_token() {
        nodeA.initializeTokenSegments(PROCESSOR, 1);
        TrackingToken gapAware = GapAwareTrackingToken.newInstance(42, Set.of(39L, 40L));
        nodeA.storeToken(gapAware, PROCESSOR, 0);
        assertThat(nodeA.fetchToken(PROCESSOR, 0)).isEqualTo(gapAware);

        TrackingToken replay = ReplayToken.createReplayToken(gapAware, GapAwareTrackingToken.newInstance(3, Set.of()));
        nodeA.storeToken(replay, PROCESSOR, 0);
        assertThat(nodeA.fetchToken(PROCESSOR, 0)).isEqualTo(replay);

        nodeA.storeToken(null, PROCESSOR, 0);
        assertThat(nodeA.fetchToken(PROCESSOR, 0)).isNull();
    }

    @Test
    void a_live_claim_is_refused_to_another_node() {
        nodeA.initializeTokenSegments(PROCESSOR, 2, position(1));
        assertThat(nodeA.fetchToken(PROCESSOR, 0)).isEqualTo(position(1));

        assertThatThrownBy(() -> nodeB.fetchToken(PROCESSOR, 0))
                .isInstanceOf(UnableToClaimTokenException.class).hasMessageContaining("node-a");
        assertThatThrownBy(() -> nodeB.storeToken(position(99), PROCESSOR, 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> nodeB.extendClaim(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> nodeB.deleteToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        nodeB.releaseClaim(PROCESSOR, 0); // not its claim: nothing happens

        assertThat(nodeB.fetchAvailableSegments(PROCESSOR)).extracting(Segment::getSegmentId).containsExactly(1);
        assertThat(nodeA.fetchAvailableSegments(PROCESSOR)).extracting(Segment::getSegmentId).containsExactly(0, 1);
        // the owner goes on storing, and the token was not touched by node B's attempt
        nodeA.storeToken(position(2), PROCESSOR, 0);
        assertThat(nodeA.fetchToken(PROCESSOR, 0)).isEqualTo(position(2));
        assertThatThrownBy(() -> nodeB.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void storing_claims_an_unclaimed_segment() {
        nodeA.initializeTokenSegments(PROCESSOR, 1);
        nodeA.storeToken(position(4), PROCESSOR, 0);

        assertThatThrownBy(() -> nodeB.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void a_claim_older_than_the_timeout_is_stolen_and_the_old_owner_loses_it() {
        nodeA.initializeTokenSegments(PROCESSOR, 1, position(1));
        nodeA.fetchToken(PROCESSOR, 0);

        clock.advance(TIMEOUT.minusMillis(1));
        assertThatThrownBy(() -> nodeB.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(nodeB.fetchAvailableSegments(PROCESSOR)).isEmpty();

        clock.advance(Duration.ofMillis(2));
        assertThat(nodeB.fetchAvailableSegments(PROCESSOR)).extracting(Segment::getSegmentId).containsExactly(0);
        assertThat(nodeB.fetchToken(PROCESSOR, 0)).isEqualTo(position(1));

        assertThatThrownBy(() -> nodeA.storeToken(position(2), PROCESSOR, 0))
                .isInstanceOf(UnableToClaimTokenException.class).hasMessageContaining("node-b");
        assertThatThrownBy(() -> nodeA.extendClaim(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> nodeA.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(nodeB.fetchToken(PROCESSOR, 0)).isEqualTo(position(1));
    }

    @Test
    void extending_and_storing_keep_a_claim_alive() {
        nodeA.initializeTokenSegments(PROCESSOR, 1);
        nodeA.fetchToken(PROCESSOR, 0);

        clock.advance(TIMEOUT.multipliedBy(8).dividedBy(10));
        nodeA.extendClaim(PROCESSOR, 0);
        clock.advance(TIMEOUT.multipliedBy(8).dividedBy(10));
        assertThatThrownBy(() -> nodeB.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        nodeA.storeToken(position(3), PROCESSOR, 0);
        clock.advance(TIMEOUT.multipliedBy(8).dividedBy(10));
        assertThatThrownBy(() -> nodeB.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);

        clock.advance(TIMEOUT.multipliedBy(3).dividedBy(10));
        assertThat(nodeB.fetchToken(PROCESSOR, 0)).isEqualTo(position(3));
    }

    @Test
    void a_released_claim_can_be_taken_at_once() {
        nodeA.initializeTokenSegments(PROCESSOR, 1, position(1));
        nodeA.fetchToken(PROCESSOR, 0);
        nodeA.storeToken(position(6), PROCESSOR, 0);

        nodeA.releaseClaim(PROCESSOR, 0);

        assertThat(nodeB.fetchAvailableSegments(PROCESSOR)).extracting(Segment::getSegmentId).containsExactly(0);
        assertThat(nodeB.fetchToken(PROCESSOR, 0)).isEqualTo(position(6));
        assertThatThrownBy(() -> nodeA.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void splitting_adds_a_segment_and_halves_the_masks() {
        nodeA.initializeTokenSegments(PROCESSOR, 1, position(10));
        Segment whole = nodeA.fetchAvailableSegments(PROCESSOR).get(0);
        assertThat(whole.getMask()).isZero();
        assertThat(nodeA.fetchToken(PROCESSOR, whole)).isEqualTo(position(10));

        Segment[] halves = whole.split();
        nodeA.initializeSegment(position(10), PROCESSOR, halves[1].getSegmentId());

        assertThat(nodeA.fetchSegments(PROCESSOR)).containsExactly(0, 1);
        List<Segment> available = nodeB.fetchAvailableSegments(PROCESSOR);
        assertThat(available).containsExactly(halves[1]); // segment 0 is still claimed by node A
        assertThat(nodeB.fetchToken(PROCESSOR, halves[1])).isEqualTo(position(10));
        assertThat(nodeA.fetchToken(PROCESSOR, halves[0])).isEqualTo(position(10));
        // the old, unsplit view of segment 0 is refused
        assertThatThrownBy(() -> nodeA.fetchToken(PROCESSOR, whole))
                .isInstanceOf(UnableToClaimTokenException.class).hasMessageContaining("split");
        // a segment is initialized once
        assertThatThrownBy(() -> nodeA.initializeSegment(position(1), PROCESSOR, 1))
                .isInstanceOf(UnableToInitializeTokenException.class);
        assertThat(nodeB.fetchToken(PROCESSOR, 1)).isEqualTo(position(10));
    }

    @Test
    void merging_deletes_a_claimed_segment_and_widens_the_other() {
        nodeA.initializeTokenSegments(PROCESSOR, 2, position(1));
        nodeA.fetchToken(PROCESSOR, 0);
        nodeA.fetchToken(PROCESSOR, 1);
        Segment zero = Segment.computeSegment(0, 0, 1);

        assertThatThrownBy(() -> nodeB.deleteToken(PROCESSOR, 1)).isInstanceOf(UnableToClaimTokenException.class);
        nodeA.deleteToken(PROCESSOR, 1);
        nodeA.storeToken(position(2), PROCESSOR, 0);

        assertThat(nodeA.fetchSegments(PROCESSOR)).containsExactly(0);
        assertThat(nodeA.fetchAvailableSegments(PROCESSOR)).containsExactly(Segment.ROOT_SEGMENT);
        assertThatThrownBy(() -> nodeA.fetchToken(PROCESSOR, 1))
                .isInstanceOf(UnableToClaimTokenException.class).hasMessageContaining("not been initialized");
        // the stale half-view of segment 0 is refused: its sibling is gone
        assertThatThrownBy(() -> nodeA.fetchToken(PROCESSOR, zero))
                .isInstanceOf(UnableToClaimTokenException.class).hasMessageContaining("merged");
        assertThat(nodeA.fetchToken(PROCESSOR, Segment.ROOT_SEGMENT)).isEqualTo(position(2));
    }

    @Test
    void deleting_every_segment_allows_initializing_again() {
        nodeA.initializeTokenSegments(PROCESSOR, 2, position(1));
        nodeA.fetchToken(PROCESSOR, 0);
        nodeA.fetchToken(PROCESSOR, 1);
        nodeA.deleteToken(PROCESSOR, 0);
        nodeA.deleteToken(PROCESSOR, 1);
        assertThat(nodeA.fetchSegments(PROCESSOR)).isEmpty();

        nodeB.initializeTokenSegments(PROCESSOR, 3, position(8));

        assertThat(nodeA.fetchSegments(PROCESSOR)).containsExactly(0, 1, 2);
        assertThat(nodeA.fetchToken(PROCESSOR, 2)).isEqualTo(position(8));
    }

    @Test
    void an_initialization_interrupted_by_a_crash_can_be_taken_over_after_the_timeout() {
        // node A crashed after claiming the initialization, before listing its segments
        database.getCollection(MongoTokenStore.PROCESSORS).insertOne(new Document("_id", PROCESSOR)
                .append("segments", List.of()).append("initializingBy", "node-a")
                .append("initializingSince", clock.millis()));

        assertThatThrownBy(() -> nodeB.initializeTokenSegments(PROCESSOR, 2))
                .isInstanceOf(UnableToClaimTokenException.class);
        clock.advance(TIMEOUT.plusSeconds(1));
        nodeB.initializeTokenSegments(PROCESSOR, 2, position(4));

        assertThat(nodeA.fetchSegments(PROCESSOR)).containsExactly(0, 1);
        assertThat(nodeA.fetchToken(PROCESSOR, 1)).isEqualTo(position(4));
    }

    @Test
    void crash_leftovers_are_repaired() {
        nodeA.initializeTokenSegments(PROCESSOR, 2, position(1));
        // an initializeSegment that crashed after writing its token: an unlisted orphan
        database.getCollection(MongoTokenStore.TOKENS).insertOne(new Document("_id", PROCESSOR + "/3")
                .append("processorName", PROCESSOR).append("segment", 3).append("owner", "node-x")
                .append("timestamp", clock.millis()));
        assertThat(nodeA.fetchSegments(PROCESSOR)).containsExactly(0, 1);
        nodeA.initializeSegment(position(2), PROCESSOR, 3);
        assertThat(nodeA.fetchSegments(PROCESSOR)).containsExactly(0, 1, 3);
        assertThat(nodeB.fetchToken(PROCESSOR, 3)).isEqualTo(position(2));

        // a deleteToken that crashed after deleting the token, before unlisting it
        database.getCollection(MongoTokenStore.TOKENS).deleteOne(new Document("_id", PROCESSOR + "/1"));
        assertThat(nodeA.fetchAvailableSegments(PROCESSOR)).extracting(Segment::getSegmentId).containsExactly(0);
        assertThat(nodeA.fetchSegments(PROCESSOR)).containsExactly(0, 3);
    }

    @Test
    void the_storage_identifier_is_stable_and_shared_by_stores_on_the_same_database() {
        String id = nodeA.retrieveStorageIdentifier().orElseThrow();

        assertThat(nodeB.retrieveStorageIdentifier()).contains(id);
        assertThat(new MongoTokenStore(database, serializer, TIMEOUT, "node-c").retrieveStorageIdentifier()).contains(id);
        MongoTokenStore elsewhere = new MongoTokenStore(mongo.database("another-hub"), serializer, TIMEOUT, "node-a");
        assertThat(elsewhere.retrieveStorageIdentifier().orElseThrow()).isNotEqualTo(id);
    }

    @Test
    void processors_are_kept_apart() {
        nodeA.initializeTokenSegments("a/b", 2, position(1));
        nodeA.initializeTokenSegments("a", 1, position(2));

        assertThat(nodeA.fetchSegments("a/b")).containsExactly(0, 1);
        assertThat(nodeA.fetchSegments("a")).containsExactly(0);
        nodeA.fetchToken("a", 0);
        assertThat(nodeB.fetchAvailableSegments("a/b")).hasSize(2);
        assertThat(nodeB.fetchToken("a/b", 0)).isEqualTo(position(1));
    }
}
