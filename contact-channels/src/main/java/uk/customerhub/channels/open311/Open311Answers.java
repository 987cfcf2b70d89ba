package uk.customerhub.channels.open311;

import uk.customerhub.api.PublicServiceRequest;
import uk.customerhub.api.PublicStatusUpdate;
import uk.customerhub.api.ServiceAttribute;
import uk.customerhub.api.ServiceDefinition;

import java.util.List;
import java.util.Map;

import static uk.customerhub.channels.open311.Open311Fields.datetime;

/** The hub's records as Open311 GeoReport v2 (and mySociety's updates extension) names their fields. */
final class Open311Answers {
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private Open311Answers() {
    }

    static Map<String, Object> discovery(Open311Properties properties, String url) {
        return Open311Fields.of(
                "changeset", properties.changeset(),
                "contact", properties.contact(),
                "key_service", properties.keyService(),
                "endpoints", List.of(Open311Fields.of(
                        "specification", SPECIFICATION,
                        "url", url,
                        "changeset", properties.changeset(),
                        "type", "production",
                        "formats", List.of("text/xml", "application/json"))));
    }

    static Map<String, Object> service(ServiceDefinition service) {
        return Open311Fields.of(
                "service_code", service.serviceCode(),
                "service_name", service.serviceName(),
                "description", service.description(),
                "metadata", service.metadata(),
                "type", service.type().wireName(),
                "keywords", String.join(", ", service.keywords()),
                "group", service.group());
    }

    static Map<String, Object> definition(ServiceDefinition service) {
        return Open311Fields.of(
                "service_code", service.serviceCode(),
                "attributes", service.attributes().stream().map(Open311Answers::attribute).toList());
    }

    private static Map<String, Object> attribute(ServiceAttribute attribute) {
        Map<String, Object> fields = Open311Fields.of(
                "variable", attribute.variable(),
                "code", attribute.code(),
                "datatype", attribute.datatype().wireName(),
                "required", attribute.required(),
                "datatype_description", attribute.datatypeDescription(),
                "order", attribute.order(),
                "description", attribute.description());
        if (attribute.datatype().isList()) {
            fields.put("values", attribute.values().stream()
                    .map(value -> Open311Fields.of("key", value.key(), "name", value.name())).toList());
        }
        return fields;
    }

    static Map<String, Object> request(PublicServiceRequest request) {
        return Open311Fields.of(
                "service_request_id", request.serviceRequestId(),
                "status", request.status().wireName(),
                "status_notes", request.statusNotes(),
                "service_name", request.serviceName(),
                "service_code", request.serviceCode(),
                "description", request.description(),
                "agency_responsible", request.agencyResponsible(),
                "service_notice", request.serviceNotice(),
                "requested_datetime", datetime(request.requestedAt()),
                "updated_datetime", datetime(request.updatedAt()),
                "expected_datetime", datetime(request.expectedAt()),
                "address", request.address(),
                "address_id", request.addressId(),
                "zipcode", request.postcode(),
                "lat", request.latitude(),
                "long", request.longitude(),
                "media_url", request.mediaUrl());
    }

    static Map<String, Object> created(String serviceRequestId, String serviceNotice, String accountId) {
        return Open311Fields.of(
                "service_request_id", serviceRequestId,
                "service_notice", serviceNotice,
                "account_id", accountId);
    }

    static Map<String, Object> token(String serviceRequestId, String token) {
        return Open311Fields.of("service_request_id", serviceRequestId, "token", token);
    }

    static Map<String, Object> update(PublicStatusUpdate update) {
        return Open311Fields.of(
                "update_id", update.updateId(),
                "service_request_id", update.serviceRequestId(),
                "status", update.status().wireName(),
                "updated_datetime", datetime(update.updatedAt()),
                "description", update.description(),
                "media_url", update.mediaUrl(),
                "external_status_code", update.externalStatusCode());
    }
}
