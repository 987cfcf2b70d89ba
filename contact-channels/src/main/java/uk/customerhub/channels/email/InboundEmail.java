package uk.customerhub.channels.email;

import uk.customerhub.api.ContactType;

import java.time.Instant;

/**
 * An e-mail the mail gateway received: its {@code messageId} (the natural key, with or without angle brackets: the
 * same message delivered twice is one contact), {@code from} ({@code addr@example.org} or
 * {@code "Name" <addr@example.org>}), the mailbox it was sent {@code to}, {@code subject}, plain-text {@code body}
 * (kept whole, at most 100 KB), when it was received, and optionally what it is about ({@code type}, default ENQUIRY).
 */
public record InboundEmail(String messageId, String from, String to, String subject, String body, Instant receivedAt,
                           ContactType type) {
}
