package uk.customerhub.channels.inbound;

import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.PlainContact;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.Require;
import uk.customerhub.api.SenderDetails;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.EntryVisibility;
import uk.customerhub.api.Visibility;

import java.time.Instant;

/**
 * A contact a channel adapter received and normalised, before it is known whose it is: everything the customer's
 * record or the unattributed contact will hold, what is known of the sender (whose identities decide the customer),
 * and — when the sender named the customer themself (a partner's referral by customer id) — that customer.
 */
public record InboundContact(String contactId,
                             Channel channel,
                             ContactType type,
                             Direction direction,
                             Instant occurredAt,
                             RecordedBy recordedBy,
                             Outcome outcome,
                             Visibility visibility,
                             Specialism specialism,
                             ContactNarrative narrative,
                             SenderDetails sender,
                             String sourceSystem,
                             String customerId) {
    public InboundContact {
        Require.id("contactId", contactId);
        Require.present("channel", channel);
        Require.present("type", type);
        direction = direction == null ? Direction.INBOUND : direction;
        Require.present("recordedBy", recordedBy);
        Require.present("narrative", narrative);
        EntryVisibility.check(visibility, specialism);
        PlainContact.check(type, outcome, "a service request is raised through the portal or the agent console");
        sender = sender == null ? SenderDetails.unknown() : sender;
        if (customerId != null) {
            Require.id("customerId", customerId);
        }
    }
}
