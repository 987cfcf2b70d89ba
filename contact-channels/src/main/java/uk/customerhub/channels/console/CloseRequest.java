package uk.customerhub.channels.console;

/** Close an unattributed contact as needing no action, for this reason (e.g. "Wrong number", "Not about the council"). */
public record CloseRequest(String reason) {
}
