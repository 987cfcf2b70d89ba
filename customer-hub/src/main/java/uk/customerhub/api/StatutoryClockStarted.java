package uk.customerhub.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A statutory clock started: by an inbound FOI request, subject access request or complaint (stage 1), recorded in
 * the same command as its contact, or by a complaint's escalation (stage 2).
 * <p>
 * {@code clockId} is the contact id for an FOI or subject access request, and the contact id with
 * {@code :stage-N} for a complaint's stage N. {@code stage} is null for FOI and subject access requests.
 * {@code receivedAt} is when the clock's time runs from (the contact's {@code occurredAt}, or the escalation);
 * {@code dueDate} is the last day to answer (in London) and {@code dueAt} the instant that day ends, after which the
 * clock is overdue. The clock shows with the visibility and specialism of its contact.
 */
public record StatutoryClockStarted(String customerId,
                                    String clockId,
                                    String contactId,
                                    StatutoryClockKind kind,
                                    Integer stage,
                                    Instant receivedAt,
                                    LocalDate dueDate,
                                    Instant dueAt,
                                    Visibility visibility,
                                    Specialism specialism) {
}
