package uk.customerhub.projections.open311;

import org.bson.Document;
import uk.customerhub.api.PublicRequestStatus;
import uk.customerhub.api.PublicServiceRequest;
import uk.customerhub.api.ServiceLocation;

import java.time.Instant;
import java.util.Date;

/**
 * One service request in the public index: what Open311 shows of it and nothing more (no name, e-mail or phone),
 * its organisation, the position of the customer's record it reflects ({@code position}) and whether its day buckets
 * have caught up with its status ({@code indexed}).
 */
final class PublicRequestDocument {
    static final String INDEXED = "indexed";
    private static final String ID = "_id";
    private static final String ORGANISATION = "organisation";
    private static final String SERVICE_CODE = "serviceCode";
    private static final String SERVICE_NAME = "serviceName";
    private static final String STATUS = "status";
    private static final String STATUS_NOTES = "statusNotes";
    private static final String DESCRIPTION = "description";
    private static final String AGENCY = "agencyResponsible";
    private static final String NOTICE = "serviceNotice";
    private static final String REQUESTED = "requestedAt";
    private static final String UPDATED = "updatedAt";
    private static final String EXPECTED = "expectedAt";
    private static final String ADDRESS = "address";
    private static final String ADDRESS_ID = "addressId";
    private static final String POSTCODE = "postcode";
    private static final String LATITUDE = "latitude";
    private static final String LONGITUDE = "longitude";
    private static final String MEDIA_URL = "mediaUrl";
    private static final String POSITION = "position";

    private final Document document;

    PublicRequestDocument(Document document) {
        this.document = document;
    }

    static PublicRequestDocument raised(String serviceRequestId, String organisation, String serviceCode, String serviceName,
                                        String serviceNotice, String description, ServiceLocation location,
                                        String mediaUrl, Instant requestedAt, long position) {
        Document document = new Document(ID, serviceRequestId)
                .append(ORGANISATION, organisation)
                .append(SERVICE_CODE, serviceCode)
                .append(SERVICE_NAME, serviceName)
                .append(STATUS, PublicRequestStatus.OPEN.name())
                .append(DESCRIPTION, description)
                .append(NOTICE, serviceNotice)
                .append(REQUESTED, Date.from(requestedAt))
                .append(UPDATED, Date.from(requestedAt))
                .append(MEDIA_URL, mediaUrl)
                .append(POSITION, position)
                .append(INDEXED, false);
        if (location != null) {
            document.append(ADDRESS, location.description())
                    .append(ADDRESS_ID, location.uprn())
                    .append(POSTCODE, location.postcode())
                    .append(LATITUDE, location.latitude())
                    .append(LONGITUDE, location.longitude());
        }
        return new PublicRequestDocument(document);
    }

    Document document() {
        return document;
    }

    String serviceRequestId() {
        return document.getString(ID);
    }

    String organisation() {
        return document.getString(ORGANISATION);
    }

    String serviceCode() {
        return document.getString(SERVICE_CODE);
    }

    PublicRequestStatus status() {
        return PublicRequestStatus.valueOf(document.getString(STATUS));
    }

    Instant requestedAt() {
        return document.getDate(REQUESTED).toInstant();
    }

    long position() {
        return document.get(POSITION, Number.class).longValue();
    }

    boolean indexed() {
        return Boolean.TRUE.equals(document.getBoolean(INDEXED));
    }

    /** The request now with {@code providerName} responsible, expected to be dealt with by {@code expectedAt}. */
    void routed(String providerName, Instant expectedAt, Instant at, long position) {
        document.put(AGENCY, providerName);
        if (expectedAt != null) {
            document.put(EXPECTED, Date.from(expectedAt));
        }
        changed(at, position);
    }

    /** The request at a new status (its buckets to catch up: not indexed until they have). */
    void statusChanged(PublicRequestStatus status, String notes, Instant at, long position) {
        if (status != status()) {
            document.put(INDEXED, false);
        }
        document.put(STATUS, status.name());
        document.put(STATUS_NOTES, notes);
        changed(at, position);
    }

    private void changed(Instant at, long position) {
        if (at != null && at.isAfter(document.getDate(UPDATED).toInstant())) {
            document.put(UPDATED, Date.from(at));
        }
        document.put(POSITION, position);
    }

    PublicServiceRequest toPublic() {
        return new PublicServiceRequest(serviceRequestId(), status(), document.getString(STATUS_NOTES),
                document.getString(SERVICE_NAME), serviceCode(), document.getString(DESCRIPTION),
                document.getString(AGENCY), document.getString(NOTICE), requestedAt(), instant(UPDATED), instant(EXPECTED),
                document.getString(ADDRESS), document.getString(ADDRESS_ID), document.getString(POSTCODE),
                document.getDouble(LATITUDE), document.getDouble(LONGITUDE), document.getString(MEDIA_URL));
    }

    private Instant instant(String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
