package uk.customerhub.api;

import java.time.Instant;
import java.util.List;

/**
 * A contact that could not be attributed to one customer was kept, waiting in {@code queue} for staff.
 * {@code personal} holds what is known of the sender and what was said.
 */
public record UnattributedContactRecorded(String contactId,
                                          TriageQueue queue,
                                          Channel channel,
                                          ContactType type,
                                          Direction direction,
                                          Instant occurredAt,
                                          RecordedBy recordedBy,
                                          Outcome outcome,
                                          Visibility visibility,
                                          Specialism specialism,
                                          List<String> candidateCustomerIds,
                                          String sourceSystem,
                                          UnattributedContactDetails personal) {
}
