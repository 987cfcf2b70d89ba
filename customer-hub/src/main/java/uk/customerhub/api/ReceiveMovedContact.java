package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * On the destination of a move: takes in the contact {@code contactId} that the record of {@code fromCustomerId}
 * moved out to it ({@link ContactMovedOut}), as that event describes it ({@link ContactMovedIn}). Sent by the agent's
 * request after the move out, and by the hub itself should the request stop in between; asking again answers the
 * first receipt. A contact that was not moved out to this record is a 409.
 */
public record ReceiveMovedContact(@TargetAggregateIdentifier String customerId, String contactId,
                                  String fromCustomerId, String reason) {
    public ReceiveMovedContact {
        Require.id("customerId", customerId);
        Require.id("contactId", contactId);
        Require.id("fromCustomerId", fromCustomerId);
        reason = Require.text("reason", reason, Limits.SUMMARY);
        if (customerId.equals(fromCustomerId)) {
            throw new InvalidInputException("fromCustomerId", "is the destination itself");
        }
    }
}
