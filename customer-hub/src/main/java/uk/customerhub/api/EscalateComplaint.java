package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Escalate the complaint recorded as contact {@code contactId} to stage 2 of the complaints procedure: its stage 1
 * clock stops (if still running) and a stage 2 clock starts from {@code escalatedAt} (now when left out). A complaint
 * is escalated once: asking again answers the first escalation's receipt and records nothing.
 */
public record EscalateComplaint(@TargetAggregateIdentifier String customerId, String contactId, Instant escalatedAt) {
    public EscalateComplaint {
        Require.id("customerId", customerId);
        Require.id("contactId", contactId);
    }
}
