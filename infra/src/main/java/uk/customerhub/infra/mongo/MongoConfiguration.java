package uk.customerhub.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.identity.KeyedHash;
import uk.customerhub.identity.UniqueKeys;

import java.util.concurrent.TimeUnit;

/** The hub's MongoDB: the server named by {@code MONGODB_URI}, or else the embedded one. */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    /** Started only when no URI is configured; closed after the client. */
    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(MongoProperties properties) {
        if (properties.uri() != null) {
            return null;
        }
        return properties.embedded() == MongoProperties.EmbeddedMode.MEMORY
                ? EmbeddedMongoServer.inMemory()
                : EmbeddedMongoServer.fileBacked(properties.dataDirectory());
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoProperties properties, ObjectProvider<EmbeddedMongoServer> embedded) {
        String uri;
        if (properties.uri() != null) {
            uri = properties.uri();
            log.info("MongoDB: using the server at {}", new ConnectionString(uri).getHosts());
        } else {
            uri = embedded.getObject().connectionString();
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true).withWTimeout(10, TimeUnit.SECONDS))
                .readConcern(ReadConcern.DEFAULT)
                .build();
        return MongoClients.create(settings);
    }

    /** Hub-wide unique keys (Digital ID subjects, social handles, contact ids), claimed synchronously. */
    @Bean
    UniqueKeys uniqueKeys(MongoDatabase database, KeyedHash keyedHash) {
        return new MongoUniqueKeys(database, keyedHash);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.database());
    }
}
