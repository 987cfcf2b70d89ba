package uk.customerhub.projections.routing.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Providers' webhook endpoints in {@value #COLLECTION}, one document per provider ({@code _id} = provider id). The
 * secrets are stored as they are (the hub must sign with them); they are never put in events, and the ADMIN API
 * shows them in full only once, when made.
 */
public class WebhookEndpoints {
    public static final String COLLECTION = "webhook_endpoints";
    private static final String ID = "_id";

    private final MongoCollection<Document> endpoints;

    public WebhookEndpoints(MongoDatabase database) {
        this.endpoints = database.getCollection(COLLECTION);
    }

    public Optional<WebhookEndpoint> find(String providerId) {
        return Optional.ofNullable(endpoints.find(Filters.eq(ID, providerId)).first()).map(WebhookEndpoints::toEndpoint);
    }

    public void save(WebhookEndpoint endpoint) {
        endpoints.replaceOne(Filters.eq(ID, endpoint.providerId()), toDocument(endpoint), new ReplaceOptions().upsert(true));
    }

    /** Stores the endpoint only if the provider has none yet. @return whether it was stored */
    public boolean saveIfAbsent(WebhookEndpoint endpoint) {
        try {
            endpoints.insertOne(toDocument(endpoint));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Switches the endpoint off: nothing more is sent to it until ADMIN enables it again. */
    public void disable(String providerId, String reason, Instant now) {
        endpoints.updateOne(Filters.eq(ID, providerId), Updates.combine(
                Updates.set("enabled", false), Updates.set("disabledReason", reason), Updates.set("updatedAt", Date.from(now))));
    }

    private static Document toDocument(WebhookEndpoint endpoint) {
        List<Document> secrets = endpoint.secrets().stream()
                .map(secret -> new Document("secret", secret.secret())
                        .append("createdAt", Date.from(secret.createdAt()))
                        .append("expiresAt", secret.expiresAt() == null ? null : Date.from(secret.expiresAt())))
                .toList();
        return new Document(ID, endpoint.providerId())
                .append("url", endpoint.url())
                .append("secrets", secrets)
                .append("enabled", endpoint.enabled())
                .append("disabledReason", endpoint.disabledReason())
                .append("updatedAt", Date.from(endpoint.updatedAt()))
                .append("seeded", endpoint.seeded());
    }

    private static WebhookEndpoint toEndpoint(Document document) {
        List<EndpointSecret> secrets = document.getList("secrets", Document.class, List.of()).stream()
                .map(secret -> new EndpointSecret(secret.getString("secret"), secret.getDate("createdAt").toInstant(),
                        secret.getDate("expiresAt") == null ? null : secret.getDate("expiresAt").toInstant()))
                .toList();
        return new WebhookEndpoint(document.getString(ID), document.getString("url"), secrets,
                document.getBoolean("enabled", true), document.getString("disabledReason"),
                document.getDate("updatedAt").toInstant(), document.getBoolean("seeded", false));
    }
}
