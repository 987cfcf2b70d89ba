package uk.customerhub.api;

import java.time.Instant;

/** A complaint moved to the next stage of the complaints procedure (stage 2); the events after it run its clock. */
public record ComplaintEscalated(String customerId, String contactId, int stage, Instant escalatedAt) {
}
