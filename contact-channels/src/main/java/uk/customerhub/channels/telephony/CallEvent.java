package uk.customerhub.channels.telephony;

import uk.customerhub.api.ContactType;
import uk.customerhub.api.Outcome;

import java.time.Instant;
import java.util.List;

/**
 * A finished call, as the telephony platform reports it: its {@code callId} (the natural key: the same call reported
 * twice is one contact), the caller's number (absent or {@code withheld} when not presented), the IVR menu path the
 * caller took, the outcome of any self-service in the IVR, the agent who answered (absent when the caller self-served
 * in the IVR), when the call started and ended; optionally what the call was about ({@code type}, default ENQUIRY),
 * how it ended ({@code outcome}; a self-served call with a self-service outcome is resolved at first contact) and the
 * agent's {@code summary}.
 */
public record CallEvent(String callId, String callerNumber, List<String> ivrPath, String selfServiceOutcome,
                        String answeredBy, Instant startedAt, Instant endedAt, ContactType type, Outcome outcome,
                        String summary) {
}
