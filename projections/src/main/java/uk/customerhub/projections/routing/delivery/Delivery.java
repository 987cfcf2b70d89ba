package uk.customerhub.projections.routing.delivery;

import java.time.Instant;
import java.util.List;

/**
 * One webhook about a service request to one provider, and what became of it. {@code webhookId} is its
 * {@code webhook-id}, the same on every attempt; {@code payload} the exact body sent. {@code attempts} counts every
 * attempt, {@code roundAttempts} those since it was (re)queued, which the retry schedule follows; the log keeps the
 * latest {@value Deliveries#ATTEMPTS_KEPT} attempts.
 */
public record Delivery(String webhookId,
                       String type,
                       String serviceRequestId,
                       String customerId,
                       String organisation,
                       String providerId,
                       String payload,
                       DeliveryStatus status,
                       int attempts,
                       int roundAttempts,
                       Instant createdAt,
                       Instant nextAttemptAt,
                       Instant completedAt,
                       String lastError,
                       boolean failureRecorded,
                       List<DeliveryAttempt> attemptLog) {
}
