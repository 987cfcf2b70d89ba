package uk.customerhub.projections.clocks;

import java.time.Instant;

/** A running clock whose due date has passed: what the timer needs to have the customer record mark it overdue. */
public record DueTimer(String clockId, String customerId, String organisation, Instant dueAt) {
}
