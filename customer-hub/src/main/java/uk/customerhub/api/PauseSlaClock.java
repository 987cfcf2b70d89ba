package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff stop a request's service level clock while the provider awaits the customer, saying why. Pausing a paused clock changes nothing. */
public record PauseSlaClock(@TargetAggregateIdentifier String customerId, String serviceRequestId, String reason) {
    public PauseSlaClock {
        Require.id("customerId", customerId);
        Require.id("serviceRequestId", serviceRequestId);
        reason = Require.text("reason", reason, Limits.SHORT_TEXT);
    }
}
