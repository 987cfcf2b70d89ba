package uk.customerhub.channels.webchat;

import uk.customerhub.api.ContactType;
import uk.customerhub.api.Outcome;

import java.time.Instant;

/**
 * A finished webchat session, as the webchat platform reports it: its {@code sessionId} (the natural key: one contact
 * per session), what the visitor gave of themself (name, e-mail, phone; the Digital ID subject when they chatted
 * signed in), the agent who chatted, when it started and ended, the whole {@code transcript} (required, at most
 * 100 KB), and optionally a {@code summary} (default: the transcript's first line), {@code type} (default ENQUIRY)
 * and {@code outcome}.
 */
public record ChatSession(String sessionId, String visitorName, String visitorEmail, String visitorPhone,
                          String digitalId, String agentId, Instant startedAt, Instant endedAt, String transcript,
                          String summary, ContactType type, Outcome outcome) {
}
