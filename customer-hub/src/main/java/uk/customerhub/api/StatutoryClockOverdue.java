package uk.customerhub.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A statutory clock's due date passed without a response. Applied once per clock; {@code overdueSince} is the end
 * of the due date (London), the event's own timestamp when the hub noticed.
 */
public record StatutoryClockOverdue(String customerId,
                                    String clockId,
                                    String contactId,
                                    StatutoryClockKind kind,
                                    Integer stage,
                                    LocalDate dueDate,
                                    Instant overdueSince) {
}
