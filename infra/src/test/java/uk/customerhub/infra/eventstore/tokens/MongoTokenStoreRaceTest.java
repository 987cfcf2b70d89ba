package uk.customerhub.infra.eventstore.tokens;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several store instances with different node ids ("nodes") race to claim the same segments over one database. Each
 * node that wins a claim records itself as holder, increments the segment's token by one and releases. If two nodes
 * ever held one segment at once, the holder check fails or an increment is lost.
 */
@Timeout(60)
class MongoTokenStoreRaceTest {
    private static final String PROCESSOR = "racing";
    private static final int NODES = 4;
    private static final int SEGMENTS = 3;
    private static final int ROUNDS = 150;

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private EmbeddedMongo mongo;

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void two_nodes_never_own_a_segment_at_once_and_no_increment_is_lost() throws Exception {
        List<MongoTokenStore> nodes = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            nodes.add(new MongoTokenStore(mongo.database(), serializer, Duration.ofMinutes(5), "node-" + n));
        }
        nodes.get(0).initializeTokenSegments(PROCESSOR, SEGMENTS, new GlobalSequenceTrackingToken(0));

        AtomicReferenceArray<String> holders = new AtomicReferenceArray<>(SEGMENTS);
        AtomicInteger overlaps = new AtomicInteger();
        AtomicLong increments = new AtomicLong();
        AtomicLong refusals = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (MongoTokenStore node : nodes) {
                runs.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        int segment = round % SEGMENTS;
                        TrackingToken token;
                        try {
                            token = node.fetchToken(PROCESSOR, segment);
                        } catch (UnableToClaimTokenException refused) {
                            refusals.incrementAndGet();
                            continue;
                        }
                        if (!holders.compareAndSet(segment, null, node.nodeId())) {
                            overlaps.incrementAndGet();
                        }
                        long value = ((GlobalSequenceTrackingToken) token).getGlobalIndex();
                        Thread.yield();
                        node.storeToken(new GlobalSequenceTrackingToken(value + 1), PROCESSOR, segment);
                        increments.incrementAndGet();
                        holders.compareAndSet(segment, node.nodeId(), null);
                        node.releaseClaim(PROCESSOR, segment);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(overlaps).hasValue(0);
        long total = 0;
        MongoTokenStore reader = nodes.get(0);
        for (int segment = 0; segment < SEGMENTS; segment++) {
            total += ((GlobalSequenceTrackingToken) reader.fetchToken(PROCESSOR, segment)).getGlobalIndex();
        }
        assertThat(total).isEqualTo(increments.get());
        assertThat(increments.get()).isPositive();
        assertThat(increments.get() + refusals.get()).isEqualTo((long) NODES * ROUNDS);
    }

    @Test
    void of_nodes_racing_to_initialize_a_processor_exactly_one_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger winners = new AtomicInteger();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                MongoTokenStore node = new MongoTokenStore(mongo.database(), serializer, Duration.ofSeconds(10), "node-" + n);
                int segments = n + 1;
                runs.add(pool.submit(() -> {
                    go.await();
                    try {
                        node.initializeTokenSegments(PROCESSOR, segments, new GlobalSequenceTrackingToken(segments));
                        winners.incrementAndGet();
                    } catch (UnableToClaimTokenException lost) {
                        // expected for all but one
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(winners).hasValue(1);
        MongoTokenStore reader = new MongoTokenStore(mongo.database(), serializer, Duration.ofSeconds(10), "reader");
        int[] segments = reader.fetchSegments(PROCESSOR);
        assertThat(segments).isNotEmpty();
        for (int segment : segments) {
            // every segment holds the winner's token, whose value is its segment count
            assertThat(reader.fetchToken(PROCESSOR, segment)).isEqualTo(new GlobalSequenceTrackingToken(segments.length));
        }
    }
}
