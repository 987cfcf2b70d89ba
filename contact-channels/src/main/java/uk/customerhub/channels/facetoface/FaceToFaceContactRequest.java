package uk.customerhub.channels.facetoface;

import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.Visibility;

import java.time.Instant;

/**
 * A visit to a local access point, as the member of staff who assisted records it: the {@code accessPoint}
 * (required), what it was about, what was said and how it ended. {@code contactId} is optional (or send an
 * {@code Idempotency-Key} header); {@code visibility} defaults to resident-visible; {@code occurredAt} to now.
 */
public record FaceToFaceContactRequest(String contactId, String accessPoint, ContactType type, Direction direction,
                                       String summary, Instant occurredAt, Outcome outcome, Visibility visibility,
                                       Specialism specialism) {
}
