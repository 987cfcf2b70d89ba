package uk.customerhub.api;

import java.time.Instant;

/**
 * An agent attached an unattributed contact to customer {@code customerId}. The event carries the contact as it is
 * to be recorded on that customer's record ({@link #recordContact()}), so whoever records it — the agent's request,
 * or the process that follows these events should that request have stopped half way — records the very same
 * contact, and a second recording is the no-op retry of the first.
 */
public record UnattributedContactAttached(String contactId,
                                          String customerId,
                                          String attachedBy,
                                          Channel channel,
                                          ContactType type,
                                          Direction direction,
                                          Instant occurredAt,
                                          RecordedBy recordedBy,
                                          Outcome outcome,
                                          Visibility visibility,
                                          Specialism specialism,
                                          ContactNarrative personal) {

    /** The command that records this contact on the customer's record, under the same contact id. */
    public RecordContact recordContact() {
        return new RecordContact(customerId, contactId, channel, type, direction, occurredAt, recordedBy, outcome,
                visibility, specialism, personal);
    }
}
