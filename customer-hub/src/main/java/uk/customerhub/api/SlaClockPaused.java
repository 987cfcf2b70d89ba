package uk.customerhub.api;

import java.time.Instant;

/** The service level clock of a request stopped counting while the provider awaits the customer (information, access). */
public record SlaClockPaused(String customerId, String serviceRequestId, Instant pausedAt, String reason) {
}
