package uk.customerhub.infra.servicerequests;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.projections.worklist.WorklistProjection;
import uk.customerhub.projections.worklist.WorklistQueries;

/** The staff worklist ("worklist" tracking processor, see application.yml) and its queries. */
@Configuration(proxyBeanMethods = false)
public class WorklistConfiguration {

    @Bean
    WorklistProjection worklistProjection(MongoDatabase database) {
        return new WorklistProjection(database);
    }

    @Bean
    WorklistQueries worklistQueries(MongoDatabase database) {
        return new WorklistQueries(database);
    }
}
