package uk.customerhub.api;

import java.time.Instant;
import java.time.LocalDate;

/** A service level target of a request ran out before it was met: staff must follow it up with the provider. */
public record SlaTargetBreached(String customerId,
                                String serviceRequestId,
                                String serviceCode,
                                String providerId,
                                SlaTarget target,
                                LocalDate dueDate,
                                Instant dueAt,
                                Visibility visibility,
                                Specialism specialism) {
}
