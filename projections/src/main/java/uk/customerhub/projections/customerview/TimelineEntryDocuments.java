package uk.customerhub.projections.customerview;

import org.bson.Document;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RecorderKind;
import uk.customerhub.api.ServiceLocation;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelineEntryKind;
import uk.customerhub.api.Visibility;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a timeline entry is stored, as a document of its own (a view's recent entries are read from these and shown
 * without their transcript, see {@link StoredCustomerView#seenBy}); the record an entry is shown from ({@code mergedFrom}) is
 * not stored, but given as it is read. A service
 * request's answers are stored as a list of {@code {code, answer}} pairs, since their codes may contain dots.
 */
final class TimelineEntryDocuments {
    private TimelineEntryDocuments() {
    }

    static Document toDocument(TimelineEntry entry) {
        Document document = new Document("number", entry.number())
                .append("kind", entry.kind().name())
                .append("recordedAt", BsonValues.date(entry.recordedAt()))
                .append("occurredAt", BsonValues.date(entry.occurredAt()))
                .append("contactId", entry.contactId())
                .append("serviceRequestId", entry.serviceRequestId())
                .append("channel", BsonValues.name(entry.channel()))
                .append("type", BsonValues.name(entry.type()))
                .append("direction", BsonValues.name(entry.direction()))
                .append("outcome", BsonValues.name(entry.outcome()))
                .append("recordedBy", recordedBy(entry.recordedBy()))
                .append("visibility", entry.visibility().name())
                .append("specialism", BsonValues.name(entry.specialism()))
                .append("summary", entry.summary())
                .append("serviceCode", entry.serviceCode())
                .append("attributes", attributes(entry.attributes()))
                .append("location", location(entry.location()))
                .append("position", entry.position());
        if (entry.transcript() != null) {
            // only when there is one, so the entries without keep the shape they were stored in before
            document.append("transcript", entry.transcript());
        }
        if (entry.movedFrom() != null) {
            document.append("movedFrom", entry.movedFrom());
        }
        return document;
    }

    static TimelineEntry fromDocument(Document document) {
        return new TimelineEntry(document.getLong("number"),
                BsonValues.enumValue(TimelineEntryKind.class, document, "kind"),
                BsonValues.instant(document, "recordedAt"),
                BsonValues.instant(document, "occurredAt"),
                document.getString("contactId"),
                document.getString("serviceRequestId"),
                BsonValues.enumValue(Channel.class, document, "channel"),
                BsonValues.enumValue(ContactType.class, document, "type"),
                BsonValues.enumValue(Direction.class, document, "direction"),
                BsonValues.enumValue(Outcome.class, document, "outcome"),
                recordedBy(document.get("recordedBy", Document.class)),
                BsonValues.enumValue(Visibility.class, document, "visibility"),
                BsonValues.enumValue(Specialism.class, document, "specialism"),
                document.getString("summary"),
                document.getString("serviceCode"),
                attributes(document.getList("attributes", Document.class)),
                location(document.get("location", Document.class)),
                document.getLong("position"),
                document.getString("transcript"),
                null,
                document.getString("movedFrom"),
                null);
    }

    private static Document recordedBy(RecordedBy recordedBy) {
        return recordedBy == null ? null : new Document("kind", recordedBy.kind().name())
                .append("agentId", recordedBy.agentId())
                .append("accessPoint", recordedBy.accessPoint());
    }

    private static RecordedBy recordedBy(Document document) {
        return document == null ? null : new RecordedBy(BsonValues.enumValue(RecorderKind.class, document, "kind"),
                document.getString("agentId"), document.getString("accessPoint"));
    }

    private static List<Document> attributes(Map<String, String> attributes) {
        return attributes == null ? null : attributes.entrySet().stream()
                .map(answer -> new Document("code", answer.getKey()).append("answer", answer.getValue()))
                .toList();
    }

    private static Map<String, String> attributes(List<Document> documents) {
        if (documents == null) {
            return null;
        }
        Map<String, String> attributes = new TreeMap<>();
        documents.forEach(answer -> attributes.put(answer.getString("code"), answer.getString("answer")));
        return attributes;
    }

    private static Document location(ServiceLocation location) {
        return location == null ? null : new Document("latitude", location.latitude())
                .append("longitude", location.longitude())
                .append("description", location.description())
                .append("uprn", location.uprn())
                .append("postcode", location.postcode());
    }

    private static ServiceLocation location(Document document) {
        return document == null ? null : new ServiceLocation(document.getDouble("latitude"),
                document.getDouble("longitude"), document.getString("description"), document.getString("uprn"),
                document.getString("postcode"));
    }
}
