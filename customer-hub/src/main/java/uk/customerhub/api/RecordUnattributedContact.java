package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Keep a contact a channel could not attribute to one customer — an unknown or withheld caller, a household number
 * several customers share, an unmatched e-mail sender or social handle — so staff can attach it to a customer later
 * or close it. {@code candidateCustomerIds} are the customers the sender's details matched (none, or several when
 * ambiguous); {@code sourceSystem} the channel system that delivered it. Idempotent like {@link RecordContact}: the
 * same contact id with the same content returns the first receipt, with other content is a conflict; an absent
 * {@code occurredAt} means now.
 */
public record RecordUnattributedContact(String contactId,
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
    public RecordUnattributedContact {
        Require.id("contactId", contactId);
        Require.present("channel", channel);
        Require.present("type", type);
        direction = direction == null ? Direction.INBOUND : direction;
        Require.present("recordedBy", recordedBy);
        Require.present("personal", personal);
        EntryVisibility.check(visibility, specialism);
        PlainContact.check(type, outcome, "a service request is raised on a customer's record, not kept unattributed");
        Require.atMost("candidateCustomerIds", candidateCustomerIds, Limits.CANDIDATES);
        if (candidateCustomerIds != null && candidateCustomerIds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("candidateCustomerIds", "must not hold an empty entry");
        }
        candidateCustomerIds = candidateCustomerIds == null ? List.of()
                : candidateCustomerIds.stream().map(id -> Require.id("candidateCustomerIds", id)).distinct().sorted().toList();
        sourceSystem = Require.optionalText("sourceSystem", sourceSystem, Limits.SHORT_TEXT);
    }

    /** The unattributed contact's own record: see {@link UnattributedRecordIds}. */
    @TargetAggregateIdentifier
    public String recordId() {
        return UnattributedRecordIds.of(contactId);
    }
}
