package uk.customerhub.customer;

import uk.customerhub.api.Specialism;
import uk.customerhub.api.StatutoryClockKind;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.api.Visibility;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the record remembers of a statutory clock: enough to escalate, stop or mark it overdue once, and to answer a
 * retry with the first receipt ({@code startedPosition} for an escalation, {@code changedPosition} for a response).
 */
record StatutoryClock(String clockId,
                      String contactId,
                      StatutoryClockKind kind,
                      Integer stage,
                      Instant receivedAt,
                      LocalDate dueDate,
                      Instant dueAt,
                      Visibility visibility,
                      Specialism specialism,
                      StatutoryClockStatus status,
                      long startedPosition,
                      long changedPosition) {

    StatutoryClock becomes(StatutoryClockStatus newStatus, long position) {
        return new StatutoryClock(clockId, contactId, kind, stage, receivedAt, dueDate, dueAt, visibility, specialism,
                newStatus, startedPosition, position);
    }
}
