package uk.customerhub.channels.console;

/** Merge the record {@code retiredCustomerId} into this one: an agent has confirmed they are one person, and why. */
public record MergeRequest(String retiredCustomerId, String reason) {
}
