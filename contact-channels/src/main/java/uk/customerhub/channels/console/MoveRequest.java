package uk.customerhub.channels.console;

/** Move this contact to the record of {@code toCustomerId}: an agent has found it belongs to that person, and why. */
public record MoveRequest(String toCustomerId, String reason) {
}
