package uk.customerhub.projections.sla;

import uk.customerhub.api.SlaTarget;

import java.time.Instant;

/** A running service level target whose due time has passed: what the timer needs to have the record mark it breached. */
public record DueSlaTimer(String timerId, String customerId, String serviceRequestId, SlaTarget target,
                          String organisation, Instant dueAt) {
}
