package uk.customerhub.channels.portal;

import uk.customerhub.api.ServiceLocation;

import java.util.Map;

/**
 * A service request a resident raises (e.g. a missed bin collection). {@code contactId} and {@code serviceRequestId}
 * are optional (or send an {@code Idempotency-Key} header) and make a retry safe.
 */
public record PortalServiceRequest(String contactId, String serviceRequestId, String serviceCode, String description,
                                   Map<String, String> attributes, ServiceLocation location) {
}
