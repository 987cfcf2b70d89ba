package uk.customerhub.api;

import java.time.Instant;

/**
 * A contact was recorded on the customer's record. {@code occurredAt} is when the contact happened as reported; the
 * time it was recorded is the event's own timestamp. {@code personal} holds what was said.
 */
public record ContactRecorded(String customerId,
                              String contactId,
                              Channel channel,
                              ContactType type,
                              Direction direction,
                              Instant occurredAt,
                              RecordedBy recordedBy,
                              Outcome outcome,
                              Visibility visibility,
                              Specialism specialism,
                              ContactNarrative personal) {
}
