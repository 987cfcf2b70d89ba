package uk.customerhub.channels.console;

import uk.customerhub.api.Channel;

import java.time.Instant;

/**
 * The council sent its response to an FOI request, subject access request or complaint. {@code respondedAt} defaults
 * to now; {@code channel} is how the response went out (optional). The body may be left out altogether.
 */
public record StatutoryResponseRequest(Instant respondedAt, Channel channel) {
}
