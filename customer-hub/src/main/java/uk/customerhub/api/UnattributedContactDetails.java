package uk.customerhub.api;

/**
 * The personal part of an unattributed contact: what is known of the sender and what was said (a summary, and the
 * transcript or message body where there is one).
 */
public record UnattributedContactDetails(SenderDetails sender, ContactNarrative narrative) {
    public UnattributedContactDetails {
        sender = sender == null ? SenderDetails.unknown() : sender;
        Require.present("narrative", narrative);
    }
}
