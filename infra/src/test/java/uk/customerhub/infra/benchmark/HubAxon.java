package uk.customerhub.infra.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import uk.customerhub.infra.axon.RecentRecordsCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import uk.customerhub.api.Provenance;
import uk.customerhub.customer.Customer;
import uk.customerhub.identity.KeyedHash;
import uk.customerhub.identity.UniqueKeys;
import uk.customerhub.infra.axon.BenchmarkSerializers;
import uk.customerhub.infra.eventstore.CommitStorageEngine;
import uk.customerhub.infra.eventstore.deadletter.MongoSequencedDeadLetterQueue;
import uk.customerhub.infra.eventstore.tokens.MongoTokenStore;
import uk.customerhub.infra.mongo.MongoUniqueKeys;
import uk.customerhub.projections.customerview.CustomerViewBatches;
import uk.customerhub.projections.customerview.CustomerViewProjection;

import java.time.Duration;
import java.util.List;

/**
 * The hub's Axon wiring rebuilt without Spring, as {@code AxonConfiguration}, {@code StoredMessageSerializers},
 * {@code MongoConfiguration} and application.yml set it up: the given event storage engine in an embedded event
 * store, the {@link Customer} aggregate with a {@link RecentRecordsCache} (10,000 unless given) and a snapshot every 100 events, unique
 * keys on MongoDB, Jackson everywhere, provenance metadata copied from commands to events, and optionally the
 * "customer-view" tracking processor (one thread, one segment, batches of 100) with the real projection, its batched
 * writes and the dead-letter queue's identifier cache (as ProjectionConfiguration), the hub's token store and its
 * sequenced dead-letter queue on MongoDB.
 * Not included: Spring, HTTP, security, and Axon's Micrometer metrics.
 */
final class HubAxon implements AutoCloseable {
    /** The settings AxonConfiguration uses by default (hub.event-store.*). */
    static final int SNAPSHOT_EVERY = 100;
    static final int BATCH_SIZE = 100;
    static final Duration GAP_WINDOW = Duration.ofSeconds(10);
    static final int POSITION_BLOCK = 64;

    enum Engine {
        /** The hub's {@link CommitStorageEngine}. */
        OURS,
        /** axon-mongo's {@link MongoEventStorageEngine} (document per event). */
        AXON_MONGO
    }

    /** The hub's aggregate cache size (AxonConfiguration's default). */
    static final int CACHED_RECORDS = 10_000;

    final Configuration configuration;
    final CommandGateway commands;
    final EventStorageEngine engine;

    private HubAxon(Configuration configuration, EventStorageEngine engine) {
        this.configuration = configuration;
        this.commands = configuration.commandGateway();
        this.engine = engine;
    }

    /** The storage engine as the hub would build it on {@code database}. */
    static EventStorageEngine engine(Engine kind, MongoClient client, MongoDatabase database, Serializer eventSerializer) {
        Serializer snapshots = BenchmarkSerializers.snapshots();
        if (kind == Engine.OURS) {
            CommitStorageEngine engine = CommitStorageEngine.builder()
                    .database(database)
                    .eventSerializer(eventSerializer)
                    .snapshotSerializer(snapshots)
                    .upcasterChain(new EventUpcasterChain(List.of()))
                    .gapWindow(GAP_WINDOW)
                    .batchSize(BATCH_SIZE)
                    .positionBlock(Integer.getInteger("bench.positionBlock", POSITION_BLOCK))
                    .build();
            engine.ensureIndexes();
            return engine;
        }
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(client, database.getName()).build();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshots)
                .batchSize(BATCH_SIZE)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    static HubAxon start(Engine kind, MongoClient client, MongoDatabase database, KeyedHash keyedHash,
                         Object extraViewHandler) {
        return start(kind, client, database, keyedHash, extraViewHandler, CACHED_RECORDS);
    }

    /**
     * As {@link #start(Engine, MongoClient, MongoDatabase, KeyedHash, Object)}, with an aggregate cache of
     * {@code cachedRecords}: fewer than the customers a run contacts in turn, and every contact loads its record from
     * the store, as most do in a hub whose 10,000 cached records are a few percent of its 250,000 customers.
     */
    static HubAxon start(Engine kind, MongoClient client, MongoDatabase database, KeyedHash keyedHash,
                         Object extraViewHandler, int cachedRecords) {
        EventStorageEngine engine = engine(kind, client, database, BenchmarkSerializers.events());
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> BenchmarkSerializers.general())
                .configureEventSerializer(c -> BenchmarkSerializers.events())
                .configureMessageSerializer(c -> BenchmarkSerializers.messages())
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Customer.class)
                        .configureCache(c -> new RecentRecordsCache(cachedRecords))
                        .configureCommandTargetResolver(c -> new uk.customerhub.infra.axon.RecordTargetResolver())
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_EVERY)))
                .registerComponent(UniqueKeys.class, c -> new MongoUniqueKeys(database, keyedHash))
                .registerComponent(uk.customerhub.customer.RecordHistory.class,
                        c -> new uk.customerhub.infra.customers.EventStoreRecordHistory(c.eventStore()))
                .configureCorrelationDataProviders(c -> List.of(
                        new SimpleCorrelationDataProvider(Provenance.KEYS.toArray(String[]::new))));
        registerStatutoryTargets(configurer);
        // the record's RaiseServiceRequest handler asks for the catalogue; the benchmark raises no requests
        configurer.registerComponent(uk.customerhub.catalogue.ServiceCatalogue.class,
                c -> new uk.customerhub.catalogue.InMemoryServiceCatalogue());
        if (extraViewHandler != null) {
            String group = CustomerViewProjection.PROCESSING_GROUP;
            configurer.eventProcessing(processing -> processing
                    .registerTrackingEventProcessor(group, c -> c.eventStore(),
                            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE)));
            if (Boolean.parseBoolean(System.getProperty("bench.viewBatches", "true"))) {
                // -Dbench.viewBatches=false: the view written event by event, the dead-letter queue asked every time
                configurer.eventProcessing(processing -> processing
                        .registerHandlerInterceptor(group, c -> new CustomerViewBatches(database))
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (c, invoker) -> invoker.enableSequenceIdentifierCache()));
            }
            configurer.eventProcessing(processing -> processing
                    .registerTokenStore(group, c -> new MongoTokenStore(database, BenchmarkSerializers.general(),
                            Duration.ofSeconds(10), "benchmark-node"))
                    .registerDeadLetterQueueProvider(g -> c -> new MongoSequencedDeadLetterQueue<>(g, database,
                            BenchmarkSerializers.events(), BenchmarkSerializers.general(), 1024, 1024, Duration.ofSeconds(30)))
                    .registerEventHandler(c -> new CustomerViewProjection(database, keyedHash))
                    .registerEventHandler(c -> extraViewHandler));
        }
        Configuration configuration = configurer.buildConfiguration();
        configuration.start();
        return new HubAxon(configuration, engine);
    }

    /**
     * The customer record's command handlers may also ask for {@code uk.customerhub.clocks.StatutoryTargets} (statutory
     * clocks); when this build has it, it is registered with its defaults, as infra does. Looked up by name so the
     * benchmark compiles with and without it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerStatutoryTargets(Configurer configurer) {
        Class type;
        try {
            type = Class.forName("uk.customerhub.clocks.StatutoryTargets");
        } catch (ClassNotFoundException e) {
            return;
        }
        try {
            Object targets = type.getMethod("defaults").invoke(null);
            configurer.registerComponent(type, c -> targets);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the default StatutoryTargets", e);
        }
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
