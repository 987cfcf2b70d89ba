package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Sent by the hub's timer (not by people): clock {@code clockId} should be overdue as of {@code asOf}. The record
 * applies {@link StatutoryClockOverdue} only when the clock is still open and {@code asOf} is past the end of its
 * due date; otherwise nothing. Answers the clock's status after the command, or null when the record has no such
 * clock.
 */
public record MarkStatutoryClockOverdue(@TargetAggregateIdentifier String customerId, String clockId, Instant asOf) {
    public MarkStatutoryClockOverdue {
        Require.id("customerId", customerId);
        Require.present("clockId", clockId);
        if (clockId.length() > Limits.ID + StatutoryClocks.LONGEST_SUFFIX) {
            throw new InvalidInputException("clockId", "is too long");
        }
        Require.present("asOf", asOf);
    }
}
