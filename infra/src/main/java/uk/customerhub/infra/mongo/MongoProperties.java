package uk.customerhub.infra.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the hub keeps its data. With {@code uri} set (from {@code MONGODB_URI}) the hub uses that MongoDB; otherwise
 * it starts an embedded MongoDB-wire server: {@code FILE} (the default run: kept under {@code dataDirectory}) or
 * {@code MEMORY} (tests).
 */
@ConfigurationProperties(prefix = "hub.mongo")
public record MongoProperties(String uri, String database, EmbeddedMode embedded, Path dataDirectory) {

    public enum EmbeddedMode { FILE, MEMORY }

    public MongoProperties {
        uri = uri == null || uri.isBlank() ? null : uri;
        database = database == null || database.isBlank() ? "customerhub" : database;
        embedded = embedded == null ? EmbeddedMode.FILE : embedded;
        dataDirectory = dataDirectory == null ? Path.of("data") : dataDirectory;
    }
}
