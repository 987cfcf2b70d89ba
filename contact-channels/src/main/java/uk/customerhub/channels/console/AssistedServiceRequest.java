package uk.customerhub.channels.console;

import uk.customerhub.api.Channel;
import uk.customerhub.api.ServiceLocation;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.Visibility;

import java.time.Instant;
import java.util.Map;

/** A service request staff raise on a customer's behalf, through the contact they are handling. */
public record AssistedServiceRequest(String contactId, String serviceRequestId, Channel channel, String serviceCode,
                                     String description, Map<String, String> attributes, ServiceLocation location,
                                     Instant occurredAt, Visibility visibility, Specialism specialism,
                                     String accessPoint) {
}
