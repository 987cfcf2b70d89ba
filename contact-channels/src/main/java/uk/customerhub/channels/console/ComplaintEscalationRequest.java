package uk.customerhub.channels.console;

import uk.customerhub.api.Channel;

import java.time.Instant;

/**
 * The customer asked for their complaint to go to stage 2. {@code escalatedAt} defaults to now; {@code channel} is
 * how they asked (optional). The body may be left out altogether.
 */
public record ComplaintEscalationRequest(Instant escalatedAt, Channel channel) {
}
