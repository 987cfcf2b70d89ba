package uk.customerhub.api;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a customer's timeline: a contact or a service request. {@code number} counts the customer's entries
 * from 1 in the order they were recorded; {@code recordedAt} is when the hub recorded it, {@code occurredAt} when
 * the contact says it happened. Fields that do not apply to the entry's kind are null.
 * <p>
 * {@code transcript} is a webchat session's transcript or an e-mail's body (at most {@link Limits#TRANSCRIPT} bytes),
 * given on the timeline only (the view's recent entries leave it out, to keep the view small), to whoever may see the
 * entry. {@code mergedFrom} is the record an entry is on when a surviving record's view shows the records merged
 * into it (null for the record's own entries); entries are then numbered across the merged records, in the order
 * they were recorded.
 * <p>
 * {@code movedFrom} is the record an entry came from when an agent moved its contact to this record (the entry is
 * numbered as it arrived here; {@code occurredAt} still says when the contact happened); {@code movedTo} is the
 * record an agent moved the entry's contact to: the entry stays where it was recorded, marked. Both null otherwise.
 */
public record TimelineEntry(long number,
                            TimelineEntryKind kind,
                            Instant recordedAt,
                            Instant occurredAt,
                            String contactId,
                            String serviceRequestId,
                            Channel channel,
                            ContactType type,
                            Direction direction,
                            Outcome outcome,
                            RecordedBy recordedBy,
                            Visibility visibility,
                            Specialism specialism,
                            String summary,
                            String serviceCode,
                            Map<String, String> attributes,
                            ServiceLocation location,
                            long position,
                            String transcript,
                            String mergedFrom,
                            String movedFrom,
                            String movedTo) {

    /** An entry neither moved in nor out. */
    public TimelineEntry(long number, TimelineEntryKind kind, Instant recordedAt, Instant occurredAt, String contactId,
                         String serviceRequestId, Channel channel, ContactType type, Direction direction,
                         Outcome outcome, RecordedBy recordedBy, Visibility visibility, Specialism specialism,
                         String summary, String serviceCode, Map<String, String> attributes, ServiceLocation location,
                         long position, String transcript, String mergedFrom) {
        this(number, kind, recordedAt, occurredAt, contactId, serviceRequestId, channel, type, direction, outcome,
                recordedBy, visibility, specialism, summary, serviceCode, attributes, location, position, transcript,
                mergedFrom, null, null);
    }

    /** An entry of the record's own, without a transcript. */
    public TimelineEntry(long number, TimelineEntryKind kind, Instant recordedAt, Instant occurredAt, String contactId,
                         String serviceRequestId, Channel channel, ContactType type, Direction direction,
                         Outcome outcome, RecordedBy recordedBy, Visibility visibility, Specialism specialism,
                         String summary, String serviceCode, Map<String, String> attributes, ServiceLocation location,
                         long position) {
        this(number, kind, recordedAt, occurredAt, contactId, serviceRequestId, channel, type, direction, outcome,
                recordedBy, visibility, specialism, summary, serviceCode, attributes, location, position, null, null);
    }

    /** This entry without its transcript (as the view's recent entries show it). */
    public TimelineEntry withoutTranscript() {
        return transcript == null ? this : new TimelineEntry(number, kind, recordedAt, occurredAt, contactId,
                serviceRequestId, channel, type, direction, outcome, recordedBy, visibility, specialism, summary,
                serviceCode, attributes, location, position, null, mergedFrom, movedFrom, movedTo);
    }

    /** This entry renumbered as the {@code merged}th of a surviving record's merged timeline, from {@code record}. */
    public TimelineEntry asMerged(long merged, String record) {
        return new TimelineEntry(merged, kind, recordedAt, occurredAt, contactId, serviceRequestId, channel, type,
                direction, outcome, recordedBy, visibility, specialism, summary, serviceCode, attributes, location,
                position, transcript, record, movedFrom, movedTo);
    }

    /** This entry marked as moved to {@code record}: its contact is on that record now. */
    public TimelineEntry movedTo(String record) {
        return new TimelineEntry(number, kind, recordedAt, occurredAt, contactId, serviceRequestId, channel, type,
                direction, outcome, recordedBy, visibility, specialism, summary, serviceCode, attributes, location,
                position, transcript, mergedFrom, movedFrom, record);
    }
}
