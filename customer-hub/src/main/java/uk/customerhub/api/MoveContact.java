package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * On the record a contact is on now: an agent moves the contact {@code contactId} to the record of
 * {@code toCustomerId} (it belongs to another person, typically after an unmerge), with the service request raised
 * through it and its statutory clocks ({@link ContactMovedOut}). The destination then takes it in
 * ({@link ReceiveMovedContact}). Asking again with the same destination and reason answers the first receipt; a
 * contact moved elsewhere, or for another reason, is a 409.
 */
public record MoveContact(@TargetAggregateIdentifier String customerId, String contactId, String toCustomerId,
                          String reason) {
    public MoveContact {
        Require.id("customerId", customerId);
        Require.id("contactId", contactId);
        Require.id("toCustomerId", toCustomerId);
        reason = Require.text("reason", reason, Limits.SUMMARY);
        if (customerId.equals(toCustomerId)) {
            throw new InvalidInputException("toCustomerId", "is the record the contact is on already");
        }
    }
}
