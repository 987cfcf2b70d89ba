package uk.customerhub.infra.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.beans.factory.annotation.Value;
import uk.customerhub.infra.eventstore.CommitStorageEngine;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.api.Provenance;
import uk.customerhub.customer.Customer;
import uk.customerhub.infra.mongo.MongoProperties;

/**
 * Axon without Axon Server: the customer record's events on MongoDB, processor tokens on MongoDB, Jackson for every
 * stored message, and the "who acted" metadata copied from each command to the events it causes.
 * <p>
 * The event storage sits behind the single {@link EventStorageEngine} bean below, so it can be replaced.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build();
    }

    /**
     * The customer records' events: {@link CommitStorageEngine}, one document per command, equality lookups only.
     * The gap window is how long a reserved-but-unwritten position is waited for (see the engine and ADR 0002).
     */
    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase database,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          @Qualifier("snapshotSerializer") Serializer snapshotSerializer,
                                          ObjectProvider<EventUpcaster> upcasters,
                                          @Value("${hub.event-store.gap-window:10s}") Duration gapWindow,
                                          @Value("${hub.event-store.batch-size:100}") int batchSize) {
        CommitStorageEngine engine = CommitStorageEngine.builder()
                .database(database)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .gapWindow(gapWindow)
                .batchSize(batchSize)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        MongoTokenStore store = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
        store.ensureIndexes();
        return store;
    }

    /** Every event inherits who acted (actor, role, on whose behalf, channel, …) from the command that caused it. */
    @Bean
    CorrelationDataProvider provenanceCorrelation() {
        return new SimpleCorrelationDataProvider(Provenance.KEYS.toArray(String[]::new));
    }

    /**
     * The customer record is configured here so the domain module carries no Spring annotation: loaded from its latest
     * snapshot (one every {@code hub.event-store.snapshot-every} events) and kept in a cache between commands.
     */
    @Bean
    ConfigurerModule customerAggregate(@Value("${hub.event-store.snapshot-every:100}") int snapshotEvery) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Customer.class)
                .configureCache(configuration -> new WeakReferenceCache())
                .configureSnapshotTrigger(configuration ->
                        new EventCountSnapshotTriggerDefinition(configuration.snapshotter(), snapshotEvery)));
    }
}
