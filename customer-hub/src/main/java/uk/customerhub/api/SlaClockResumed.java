package uk.customerhub.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The service level clock of a request counts again: its open targets move on by the working days it was paused.
 * A due date is null for a target no longer running (met or breached before the pause).
 */
public record SlaClockResumed(String customerId,
                              String serviceRequestId,
                              Instant resumedAt,
                              int workingDaysPaused,
                              LocalDate responseDueDate,
                              Instant responseDueAt,
                              LocalDate resolutionDueDate,
                              Instant resolutionDueAt) {
}
