package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A provider reports progress on a service request routed to it. {@code updateId} is the provider's key for this
 * update (idempotent: the same id and body again is the first result, another body a 409). Only the provider the
 * request is routed to now may update it. {@code updatedAt} may be left out for "now".
 */
public record UpdateServiceRequestStatus(@TargetAggregateIdentifier String customerId,
                                         String serviceRequestId,
                                         String providerId,
                                         String updateId,
                                         ServiceRequestStatus status,
                                         String externalStatusCode,
                                         StatusNote personal,
                                         Instant updatedAt) {
    public UpdateServiceRequestStatus {
        Require.id("customerId", customerId);
        Require.id("serviceRequestId", serviceRequestId);
        Require.id("providerId", providerId);
        Require.id("updateId", updateId);
        Require.present("status", status);
        externalStatusCode = Require.optionalText("external_status_code", externalStatusCode, Limits.ID);
        personal = personal == null ? new StatusNote(null) : personal;
    }
}
