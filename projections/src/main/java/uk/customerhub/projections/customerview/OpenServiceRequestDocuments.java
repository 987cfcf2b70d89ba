package uk.customerhub.projections.customerview;

import org.bson.Document;
import uk.customerhub.api.OpenServiceRequest;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.Visibility;

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
                .append("specialism", BsonValues.name(request.specialism()));
    }

    static OpenServiceRequest fromDocument(Document document) {
        return new OpenServiceRequest(document.getString("serviceRequestId"),
                document.getString("contactId"),
                document.getString("serviceCode"),
                document.getString("status"),
                document.getString("description"),
                BsonValues.instant(document, "raisedAt"),
                BsonValues.enumValue(Visibility.class, document, "visibility"),
                BsonValues.enumValue(Specialism.class, document, "specialism"));
    }
}
