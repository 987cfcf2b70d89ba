package uk.customerhub.projections.customerview;

import org.bson.Document;
import uk.customerhub.api.OpenServiceRequest;
import uk.customerhub.api.ServiceLevelView;
import uk.customerhub.api.ServiceRequestUpdate;
import uk.customerhub.api.SlaTargetStatus;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.Visibility;

import java.time.LocalDate;
import java.util.List;

/** How an open service request is stored in the single view. */
final class OpenServiceRequestDocuments {
    private OpenServiceRequestDocuments() {
    }

    static Document toDocument(OpenServiceRequest request) {
        return new Document("serviceRequestId", request.serviceRequestId())
                .append("contactId", request.contactId())
                .append("serviceCode", request.serviceCode())
                .append("status", request.status())
                .append("description", request.description())
                .append("raisedAt", BsonValues.date(request.raisedAt()))
                .append("visibility", BsonValues.name(request.visibility()))
                .append("specialism", BsonValues.name(request.specialism()))
                .append("providerId", request.providerId())
                .append("statusUpdatedAt", BsonValues.date(request.statusUpdatedAt()))
                .append("updates", request.updates().stream().map(OpenServiceRequestDocuments::toDocument).toList())
                .append("serviceLevel", toDocument(request.serviceLevel()));
    }

    private static Document toDocument(ServiceRequestUpdate update) {
        return new Document("status", update.status())
                .append("externalStatusCode", update.externalStatusCode())
                .append("note", update.note())
                .append("updatedAt", BsonValues.date(update.updatedAt()))
                .append("providerId", update.providerId());
    }

    private static Document toDocument(ServiceLevelView level) {
        if (level == null) {
            return null;
        }
        return new Document("responseDueDate", level.responseDueDate().toString())
                .append("response", BsonValues.name(level.response()))
                .append("resolutionDueDate", level.resolutionDueDate().toString())
                .append("resolution", BsonValues.name(level.resolution()));
    }

    static OpenServiceRequest fromDocument(Document document) {
        return new OpenServiceRequest(document.getString("serviceRequestId"),
                document.getString("contactId"),
                document.getString("serviceCode"),
                document.getString("status"),
                document.getString("description"),
                BsonValues.instant(document, "raisedAt"),
                BsonValues.enumValue(Visibility.class, document, "visibility"),
                BsonValues.enumValue(Specialism.class, document, "specialism"),
                document.getString("providerId"),
                BsonValues.instant(document, "statusUpdatedAt"),
                // views stored before providers' updates existed have none of the fields below
                document.getList("updates", Document.class, List.of()).stream().map(update -> new ServiceRequestUpdate(
                        update.getString("status"), update.getString("externalStatusCode"), update.getString("note"),
                        BsonValues.instant(update, "updatedAt"), update.getString("providerId"))).toList(),
                serviceLevelOf(document.get("serviceLevel", Document.class)));
    }

    private static ServiceLevelView serviceLevelOf(Document level) {
        if (level == null) {
            return null;
        }
        return new ServiceLevelView(LocalDate.parse(level.getString("responseDueDate")),
                BsonValues.enumValue(SlaTargetStatus.class, level, "response"),
                LocalDate.parse(level.getString("resolutionDueDate")),
                BsonValues.enumValue(SlaTargetStatus.class, level, "resolution"));
    }
}
