package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff restart a paused service level clock (the customer answered). Resuming a running clock changes nothing. */
public record ResumeSlaClock(@TargetAggregateIdentifier String customerId, String serviceRequestId) {
    public ResumeSlaClock {
        Require.id("customerId", customerId);
        Require.id("serviceRequestId", serviceRequestId);
    }
}
