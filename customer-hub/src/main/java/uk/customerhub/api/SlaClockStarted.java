package uk.customerhub.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The service level clock of a request started when it was routed: the provider must respond by the end of
 * {@code responseDueDate} and resolve it by the end of {@code resolutionDueDate} (working days in London, fixed now
 * from the service's targets); {@code responseDueAt} and {@code resolutionDueAt} are those ends as instants.
 */
public record SlaClockStarted(String customerId,
                              String serviceRequestId,
                              String serviceCode,
                              String providerId,
                              Instant startedAt,
                              int responseWorkingDays,
                              LocalDate responseDueDate,
                              Instant responseDueAt,
                              int resolutionWorkingDays,
                              LocalDate resolutionDueDate,
                              Instant resolutionDueAt,
                              Visibility visibility,
                              Specialism specialism) {
}
