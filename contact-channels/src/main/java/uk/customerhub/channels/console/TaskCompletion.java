package uk.customerhub.channels.console;

/** What staff did about a worklist task (optional, at most 4,000 characters). */
public record TaskCompletion(String note) {
}
