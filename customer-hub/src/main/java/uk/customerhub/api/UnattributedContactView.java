package uk.customerhub.api;

import java.time.Instant;
import java.util.List;

/**
 * An unattributed contact as staff see it: how it arrived, what is known of the sender, what was said, the candidate
 * customers its sender's details matched, and where it stands. {@code transcript} is given when one contact is
 * fetched, not in a queue's page. {@code position} is the position of the contact's own record the view reflects.
 */
public record UnattributedContactView(String contactId,
                                      TriageQueue queue,
                                      UnattributedStatus status,
                                      Channel channel,
                                      ContactType type,
                                      Direction direction,
                                      Instant occurredAt,
                                      Instant recordedAt,
                                      RecordedBy recordedBy,
                                      Outcome outcome,
                                      Visibility visibility,
                                      Specialism specialism,
                                      String sourceSystem,
                                      SenderDetails sender,
                                      String summary,
                                      String transcript,
                                      List<String> candidateCustomerIds,
                                      String attachedTo,
                                      String attachedBy,
                                      String closedReason,
                                      String closedBy,
                                      long position) {
}
