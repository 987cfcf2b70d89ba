package uk.customerhub.channels.console;

/** Undo a merge: the two records are not one person after all, and why. */
public record UnmergeRequest(String reason) {
}
