package uk.customerhub.projections.routing.delivery;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ServiceLocation;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceRequestRouted;

import java.util.Optional;

/**
 * What a provider needs to know about a service request, kept per request ({@code _id} = service request id) in
 * {@value #COLLECTION} for the webhook payloads: service code and version, description, attribute answers, location,
 * when it was requested and on which channel. Personal data, so nothing else: no name, no contact details, no
 * customer identifier (the routing events name the record). Kept from
 * {@code ServiceRequestRaised}, the contact recorded with it, and the route (the service version). In the same
 * processing group as {@link WebhookOutbox}, so a request's details are stored before its route is handled. Every
 * write is an upsert by {@code _id}, so redelivery and replay are harmless.
 */
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
public class DeliveryRequestDetails {
    public static final String COLLECTION = "webhook_request_details";
    private static final String ID = "_id";

    private final MongoCollection<Document> details;

    public DeliveryRequestDetails(MongoDatabase database) {
        this.details = database.getCollection(COLLECTION);
    }

    /** The contact a request was raised through: its channel, and when it was made (the requested time). */
    @EventHandler
    public void on(ContactRecorded event, @MetaDataValue("serviceRequestId") String serviceRequestId) {
        if (serviceRequestId == null) {
            return;
        }
        details.updateOne(Filters.eq(ID, serviceRequestId), Updates.combine(
                Updates.set("channel", event.channel().name()),
                Updates.set("requestedAt", event.occurredAt().toString())), new UpdateOptions().upsert(true));
    }

    @EventHandler
    public void on(ServiceRequestRaised event) {
        Document attributes = new Document();
        event.personal().attributes().forEach(attributes::append);
        Document update = new Document("serviceCode", event.serviceCode())
                .append("description", event.personal().description())
                .append("attributes", attributes);
        ServiceLocation location = event.personal().location();
        if (location != null) {
            update.append("location", new Document("latitude", location.latitude())
                    .append("longitude", location.longitude())
                    .append("address", location.description())
                    .append("uprn", location.uprn())
                    .append("postcode", location.postcode()));
        }
        details.updateOne(Filters.eq(ID, event.serviceRequestId()), new Document("$set", update),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    public void on(ServiceRequestRouted event) {
        if (event.decision() != null) {
            details.updateOne(Filters.eq(ID, event.serviceRequestId()),
                    Updates.set("serviceVersion", event.decision().serviceVersion()), new UpdateOptions().upsert(true));
        }
    }

    /** The stored details of a request, if any. */
    public Optional<Document> of(String serviceRequestId) {
        return Optional.ofNullable(details.find(Filters.eq(ID, serviceRequestId)).first());
    }
}
