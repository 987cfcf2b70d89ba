package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Raise a service request through a contact: records the contact (type SERVICE_REQUEST, outcome
 * SERVICE_REQUEST_RAISED) and raises the request, together and atomically. Idempotent on the contact id like
 * {@link RecordContact}, and {@code occurredAt} may likewise be left out for "now"; service request ids are unique
 * across the hub.
 */
public record RaiseServiceRequest(@TargetAggregateIdentifier String customerId,
                                  String contactId,
                                  String serviceRequestId,
                                  String serviceCode,
                                  Channel channel,
                                  Instant occurredAt,
                                  RecordedBy recordedBy,
                                  Visibility visibility,
                                  Specialism specialism,
                                  ServiceRequestDetails personal) {
    public RaiseServiceRequest {
        Require.id("customerId", customerId);
        Require.id("contactId", contactId);
        Require.id("serviceRequestId", serviceRequestId);
        Require.id("serviceCode", serviceCode);
        Require.present("channel", channel);
        Require.present("recordedBy", recordedBy);
        Require.present("personal", personal);
        EntryVisibility.check(visibility, specialism);
    }
}
