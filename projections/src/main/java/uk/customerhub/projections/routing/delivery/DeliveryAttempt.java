package uk.customerhub.projections.routing.delivery;

import java.time.Instant;

/**
 * One attempt to deliver a webhook: when, the HTTP status the provider answered (absent when none came: refused
 * address, timeout, connection failure), how long it took, and what went wrong.
 */
public record DeliveryAttempt(int number, Instant at, Integer statusCode, long latencyMillis, String error) {
}
