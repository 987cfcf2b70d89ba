package uk.customerhub.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A statutory clock as the single view shows it: what it times, when it runs from, the day the answer is due by
 * (London), and whether it is open, overdue or stopped ({@code stoppedAt} and {@code stopReason} then say when and
 * why). {@code stage} is the complaint's stage, null for FOI and subject access requests.
 */
public record StatutoryClockView(String clockId,
                                 String contactId,
                                 StatutoryClockKind kind,
                                 Integer stage,
                                 Instant receivedAt,
                                 LocalDate dueDate,
                                 StatutoryClockStatus status,
                                 Instant stoppedAt,
                                 StatutoryClockStopReason stopReason,
                                 Visibility visibility,
                                 Specialism specialism) {
}
