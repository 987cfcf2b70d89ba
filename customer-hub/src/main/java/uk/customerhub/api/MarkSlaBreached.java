package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The hub's timer reports that a service level target's due time has passed as of {@code asOf}. The record marks it
 * breached once, and only if it is still running and really past due; it answers the target's status after the
 * command (null when the record has no such request).
 */
public record MarkSlaBreached(@TargetAggregateIdentifier String customerId, String serviceRequestId, SlaTarget target,
                              Instant asOf) {
    public MarkSlaBreached {
        Require.id("customerId", customerId);
        Require.id("serviceRequestId", serviceRequestId);
        Require.present("target", target);
        Require.present("asOf", asOf);
    }
}
