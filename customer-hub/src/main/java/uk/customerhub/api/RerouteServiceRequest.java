package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member of staff sends a routed service request to another provider, saying why. */
public record RerouteServiceRequest(@TargetAggregateIdentifier String customerId,
                                    String serviceRequestId,
                                    String providerId,
                                    String reason) {
    public RerouteServiceRequest {
        Require.id("customerId", customerId);
        Require.id("serviceRequestId", serviceRequestId);
        Require.id("providerId", providerId);
        reason = Require.text("reason", reason, Limits.SHORT_TEXT);
    }
}
