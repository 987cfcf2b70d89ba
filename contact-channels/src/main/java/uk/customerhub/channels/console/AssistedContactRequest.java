package uk.customerhub.channels.console;

import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.Visibility;

import java.time.Instant;

/**
 * A contact staff record on a customer's behalf, on any channel (a phone call, a visit to a local access point, a
 * letter …), exactly as if the customer had self-served; it is marked as assisted by the agent. {@code visibility}
 * defaults to resident-visible; {@code occurredAt} to now; {@code contactId} is optional (or send an
 * {@code Idempotency-Key} header).
 */
public record AssistedContactRequest(String contactId, Channel channel, ContactType type, Direction direction,
                                     String summary, Instant occurredAt, Outcome outcome, Visibility visibility,
                                     Specialism specialism, String accessPoint) {
}
