package uk.customerhub.api;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a customer's timeline: a contact or a service request. {@code number} counts the customer's entries
 * from 1 in the order they were recorded; {@code recordedAt} is when the hub recorded it, {@code occurredAt} when
 * the contact says it happened. Fields that do not apply to the entry's kind are null.
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
                            long position) {
}
