package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An agent attaches an unattributed contact to the customer it came from. The contact then belongs on that
 * customer's record: the command answers with the {@link RecordContact} that puts it there, under the same contact
 * id (see {@link UnattributedContactAttached#recordContact()}). Attaching again to the same customer answers the
 * same; to another customer, or once closed, is a conflict.
 */
public record AttachUnattributedContact(String contactId, String customerId, String attachedBy) {
    public AttachUnattributedContact {
        Require.id("contactId", contactId);
        Require.id("customerId", customerId);
        attachedBy = Require.text("attachedBy", attachedBy, Limits.SHORT_TEXT);
    }

    @TargetAggregateIdentifier
    public String recordId() {
        return UnattributedRecordIds.of(contactId);
    }
}
