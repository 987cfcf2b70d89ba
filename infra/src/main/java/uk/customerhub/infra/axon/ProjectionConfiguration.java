package uk.customerhub.infra.axon;

import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.identity.KeyedHash;
import uk.customerhub.projections.customerview.CustomerViewProjection;
import uk.customerhub.projections.customerview.CustomerViewQueries;
import uk.customerhub.projections.customerview.CustomerViewReset;

import java.time.Duration;

/**
 * The read side: the single view of the customer, built by a tracking processor ("customer-view", see
 * application.yml) and answered by its query handlers. The projection classes carry no Spring; they are made beans
 * here, where Axon finds their handlers.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    CustomerViewProjection customerViewProjection(MongoDatabase database, KeyedHash keyedHash) {
        return new CustomerViewProjection(database, keyedHash);
    }

    /** Empties the single view when a replay of its processor starts. */
    @Bean
    CustomerViewReset customerViewReset(MongoDatabase database) {
        return new CustomerViewReset(database);
    }

    @Bean
    CustomerViewQueries customerViewQueries(MongoDatabase database, KeyedHash keyedHash,
                                            @Value("${hub.views.await-timeout:5s}") Duration awaitTimeout) {
        return new CustomerViewQueries(database, keyedHash, awaitTimeout);
    }
}
