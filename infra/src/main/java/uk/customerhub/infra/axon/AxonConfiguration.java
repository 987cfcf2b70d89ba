package uk.customerhub.infra.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.api.Provenance;
import uk.customerhub.customer.Customer;
import uk.customerhub.infra.eventstore.CommitStorageEngine;
import uk.customerhub.infra.eventstore.deadletter.MongoSequencedDeadLetterQueue;
import uk.customerhub.infra.eventstore.tokens.MongoTokenStore;
import uk.customerhub.unattributed.UnattributedContact;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Axon without Axon Server: the customer record's events, processor tokens and dead letters on MongoDB, Jackson for
 * every stored message, and the "who acted" metadata copied from each command to the events it causes.
 * <p>
 * The event storage sits behind the single {@link EventStorageEngine} bean below, so it can be replaced.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {
    /** Finds the record a command is for (the command types' target members, looked up once per type). */
    private static final RecordTargetResolver TARGETS = new RecordTargetResolver();

    /**
     * The customer records' events: {@link CommitStorageEngine}, one document per command, equality lookups only.
     * The gap window is how long a reserved-but-unwritten position is waited for (see the engine and ADR 0002); the
     * position block is how many positions a node may reserve ahead for its next appends (1: none).
     */
    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase database,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          @Qualifier("snapshotSerializer") Serializer snapshotSerializer,
                                          ObjectProvider<EventUpcaster> upcasters,
                                          @Value("${hub.event-store.gap-window:10s}") Duration gapWindow,
                                          @Value("${hub.event-store.batch-size:100}") int batchSize,
                                          @Value("${hub.event-store.position-block:64}") int positionBlock) {
        CommitStorageEngine engine = CommitStorageEngine.builder()
                .database(database)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .gapWindow(gapWindow)
                .batchSize(batchSize)
                .positionBlock(positionBlock)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * Processors' tokens on MongoDB, one document per segment keyed by {@code _id}; claims are conditional updates so
     * two hub nodes never process one segment at once.
     */
    @Bean
    TokenStore tokenStore(MongoDatabase database, Serializer serializer,
                          @Value("${hub.event-processing.claim-timeout:10s}") Duration claimTimeout) {
        return new MongoTokenStore(database, serializer, claimTimeout, ManagementFactory.getRuntimeMXBean().getName());
    }

    /**
     * Every processing group gets a sequenced dead-letter queue on MongoDB: an event its handler keeps failing on is
     * parked with the later events of the same customer (to keep their order), while other customers' events flow on.
     * ADMIN staff see and retry them through {@code /admin/dead-letters}.
     */
    @Bean
    ConfigurerModule deadLetterQueues(MongoDatabase database,
                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                      Serializer serializer) {
        return configurer -> configurer.eventProcessing().registerDeadLetterQueueProvider(group -> configuration ->
                new MongoSequencedDeadLetterQueue<>(group, database, eventSerializer, serializer,
                        1024, 1024, Duration.ofSeconds(30)));
    }

    /** Every event inherits who acted (actor, role, on whose behalf, channel, …) from the command that caused it. */
    @Bean
    CorrelationDataProvider provenanceCorrelation() {
        return new SimpleCorrelationDataProvider(Provenance.KEYS.toArray(String[]::new));
    }

    /**
     * The customer record is configured here so the domain module carries no Spring annotation: loaded from its latest
     * snapshot (one every {@code hub.event-store.snapshot-every} events), and the {@code hub.event-store.cached-records}
     * most recently used records kept in memory between commands.
     */
    @Bean
    ConfigurerModule customerAggregate(@Value("${hub.event-store.snapshot-every:100}") int snapshotEvery,
                                       @Value("${hub.event-store.cached-records:10000}") int cachedRecords) {
        RecentRecordsCache recentRecords = new RecentRecordsCache(cachedRecords);
        return configurer -> {
            AggregateConfigurer<Customer> customer = AggregateConfigurer.defaultConfiguration(Customer.class);
            customer.configureCache(configuration -> recentRecords)
                    .configureCommandTargetResolver(configuration -> TARGETS)
                    .configureSnapshotTrigger(configuration -> new EventCountSnapshotTriggerDefinition(
                            customerSnapshotter(configuration, customer), snapshotEvery));
            configurer.configureAggregate(customer);
        };
    }

    /**
     * Snapshots of customer records are taken with the record's own aggregate factory, which resolves handler
     * parameters (e.g. {@code UniqueKeys}) from the application. Spring Boot's snapshotter only knows factories that are
     * beans, and a factory built as a bean cannot resolve them: with it no snapshot was ever stored.
     */
    private static Snapshotter customerSnapshotter(org.axonframework.config.Configuration configuration,
                                                   AggregateConfigurer<Customer> customer) {
        return AggregateSnapshotter.builder()
                .eventStore(configuration.eventStore())
                .aggregateFactories(customer.aggregateFactory())
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(Customer.class))
                .build();
    }

    /**
     * The unattributed contact's record, configured like the customer's (no Spring in the domain), kept in a cache
     * between commands. It holds three events at most (recorded, then attached or closed), so it needs no snapshots.
     */
    @Bean
    ConfigurerModule unattributedContactAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(UnattributedContact.class)
                .configureCache(configuration -> new WeakReferenceCache())
                .configureCommandTargetResolver(configuration -> TARGETS));
    }
}
