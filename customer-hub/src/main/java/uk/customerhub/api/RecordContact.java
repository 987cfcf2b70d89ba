package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record one contact of a customer with the council, on any channel. Contact ids are unique across the hub:
 * recording the same contact again is a no-op that returns the first receipt; the same id with a different body is a
 * conflict. {@code occurredAt} may be left out when the contact is happening now: the record then uses the time it
 * is recorded (so a retry without it is still the same contact). A contact that raises a service request is
 * recorded with {@link RaiseServiceRequest} instead.
 */
public record RecordContact(@TargetAggregateIdentifier String customerId,
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
    public RecordContact {
        Require.id("customerId", customerId);
        Require.id("contactId", contactId);
        Require.present("channel", channel);
        Require.present("type", type);
        direction = direction == null ? Direction.INBOUND : direction;
        Require.present("recordedBy", recordedBy);
        Require.present("personal", personal);
        EntryVisibility.check(visibility, specialism);
        PlainContact.check(type, outcome, "a service request is raised with its own command, not recorded as a plain contact");
    }
}
