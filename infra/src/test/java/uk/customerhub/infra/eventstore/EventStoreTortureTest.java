package uk.customerhub.infra.eventstore;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Torture: 8 writer threads append to 200 aggregates (commits of 1–3 events) while two tracking processors (four
 * and three segments, different batch sizes) follow the store. Every event must be handled exactly once by each processor, and each
 * aggregate's events in their order — through all the gaps that concurrent reservations make.
 */
class EventStoreTortureTest {
    private static final int WRITERS = 8;
    private static final int AGGREGATES = 200;
    private static final int EVENTS_PER_AGGREGATE = 20;

    private EmbeddedMongo mongo;
    private Configuration axon;
    private final Recorder first = new Recorder();
    private final Recorder second = new Recorder();

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo();
        // positions reserved ahead (up to 64), as a hub node does
        CommitStorageEngine engine = mongo.engine(Clock.systemUTC(), Duration.ofSeconds(10), 50, 64);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(engine).build());
        configurer.eventProcessing()
                .registerTokenStore(c -> new InMemoryTokenStore())
                .registerTrackingEventProcessor("first", org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(4).andInitialSegmentsCount(4).andBatchSize(25))
                .registerTrackingEventProcessor("second", org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(3).andInitialSegmentsCount(3).andBatchSize(10))
                .registerEventHandler(c -> first)
                .registerEventHandler(c -> second)
                .assignHandlerInstancesMatching("first", handler -> handler == first)
                .assignHandlerInstancesMatching("second", handler -> handler == second);
        axon = configurer.buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        mongo.close();
    }

    @Test
    void every_event_is_handled_exactly_once_and_in_order_per_aggregate() throws Exception {
        EventStore store = axon.eventStore();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicLong appended = new AtomicLong();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int me = writer;
                work.add(writers.submit(() -> {
                    Random random = new Random(me);
                    List<String> mine = new ArrayList<>();
                    for (int aggregate = me; aggregate < AGGREGATES; aggregate += WRITERS) {
                        mine.add("agg-" + aggregate);
                    }
                    long[] next = new long[mine.size()];
                    int remaining = mine.size();
                    while (remaining > 0) {
                        int pick = random.nextInt(mine.size());
                        if (next[pick] >= EVENTS_PER_AGGREGATE) {
                            continue;
                        }
                        int size = (int) Math.min(1 + random.nextInt(3), EVENTS_PER_AGGREGATE - next[pick]);
                        List<DomainEventMessage<?>> commit = new ArrayList<>();
                        for (int i = 0; i < size; i++) {
                            commit.add(new GenericDomainEventMessage<>("Customer", mine.get(pick), next[pick] + i,
                                    new Noted(mine.get(pick) + "#" + (next[pick] + i))));
                        }
                        store.publish(commit);
                        appended.addAndGet(size);
                        next[pick] += size;
                        if (next[pick] >= EVENTS_PER_AGGREGATE) {
                            remaining--;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        long total = (long) AGGREGATES * EVENTS_PER_AGGREGATE;
        assertThat(appended.get()).isEqualTo(total);

        first.awaitCount(total, Duration.ofSeconds(60));
        second.awaitCount(total, Duration.ofSeconds(60));
        Thread.sleep(300); // anything delivered twice would arrive now

        List<Long> inOrder = LongStream.range(0, EVENTS_PER_AGGREGATE).boxed().toList();
        for (Recorder recorder : List.of(first, second)) {
            assertThat(recorder.handled.keySet()).hasSize(AGGREGATES);
            recorder.handled.forEach((aggregate, sequences) ->
                    assertThat(sequences).as(aggregate).containsExactlyElementsOf(inOrder));
        }
    }

    /** Records, per aggregate, the sequence numbers it handled, in the order handled. */
    static final class Recorder {
        final Map<String, List<Long>> handled = new ConcurrentHashMap<>();
        final AtomicLong count = new AtomicLong();

        @EventHandler
        void on(Noted event, DomainEventMessage<?> message) {
            handled.computeIfAbsent(message.getAggregateIdentifier(), id -> Collections.synchronizedList(new ArrayList<>()))
                    .add(message.getSequenceNumber());
            count.incrementAndGet();
        }

        void awaitCount(long expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(count.get()).as("events handled").isEqualTo(expected);
        }
    }
}
