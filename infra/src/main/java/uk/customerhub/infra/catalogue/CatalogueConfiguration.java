package uk.customerhub.infra.catalogue;

import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service catalogue: kept in MongoDB, read by the customer record's command handlers (as
 * {@code ServiceCatalogue}, an injectable resource like {@code UniqueKeys}), by the router, and through the query bus;
 * changed by ADMIN staff. The demo run seeds it ({@code hub.catalogue.seed}, on by default, off in production).
 */
@Configuration(proxyBeanMethods = false)
public class CatalogueConfiguration {

    @Bean
    MongoServiceCatalogue serviceCatalogue(MongoDatabase database, @Value("${hub.catalogue.seed:true}") boolean seed) {
        MongoServiceCatalogue catalogue = new MongoServiceCatalogue(database);
        if (seed) {
            CatalogueSeed.seed(catalogue);
        }
        return catalogue;
    }

    @Bean
    CatalogueQueries catalogueQueries(MongoServiceCatalogue catalogue) {
        return new CatalogueQueries(catalogue);
    }
}
