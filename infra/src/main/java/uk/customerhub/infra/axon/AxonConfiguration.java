package uk.customerhub.infra.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentpercommit.DocumentPerCommitStorageStrategy;
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

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer,
                                          ObjectProvider<EventUpcaster> upcasters) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .storageStrategy(new DocumentPerCommitStorageStrategy())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .transactionManager(NoTransactionManager.instance())
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

    /** The customer record is configured here so the domain module carries no Spring annotation. */
    @Bean
    ConfigurerModule customerAggregate() {
        return configurer -> configurer.configureAggregate(Customer.class);
    }
}
