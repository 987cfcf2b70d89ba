package uk.customerhub.api;

import java.time.Instant;

/** A service level target of a request was met in time: the provider responded, or the request was resolved. */
public record SlaTargetMet(String customerId, String serviceRequestId, SlaTarget target, Instant metAt, Instant dueAt) {
}
