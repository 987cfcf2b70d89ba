package uk.customerhub.channels.portal;

import uk.customerhub.api.ContactType;

import java.time.Instant;

/**
 * A contact a resident records themself: an enquiry, a complaint, a compliment, an FOI request… {@code contactId} is
 * optional (or send an {@code Idempotency-Key} header) and makes a retry safe; {@code occurredAt} defaults to now.
 */
public record PortalContactRequest(String contactId, ContactType type, String summary, Instant occurredAt) {
}
