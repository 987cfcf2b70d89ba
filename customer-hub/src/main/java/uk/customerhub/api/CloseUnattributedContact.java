package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An agent closes an unattributed contact as needing no action (spam, a post not about the council, a wrong number),
 * giving the reason. Closing again with the same reason answers the same; with another reason, or once attached, is
 * a conflict.
 */
public record CloseUnattributedContact(String contactId, String reason, String closedBy) {
    public CloseUnattributedContact {
        Require.id("contactId", contactId);
        reason = Require.text("reason", reason, Limits.SHORT_TEXT);
        closedBy = Require.text("closedBy", closedBy, Limits.SHORT_TEXT);
    }

    @TargetAggregateIdentifier
    public String recordId() {
        return UnattributedRecordIds.of(contactId);
    }
}
