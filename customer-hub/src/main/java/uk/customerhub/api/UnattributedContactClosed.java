package uk.customerhub.api;

/** An agent closed an unattributed contact as needing no action, for {@code reason}. */
public record UnattributedContactClosed(String contactId, String reason, String closedBy) {
}
