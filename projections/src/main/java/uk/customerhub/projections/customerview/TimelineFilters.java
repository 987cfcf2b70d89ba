package uk.customerhub.projections.customerview;

import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelineEntryKind;

import java.util.List;

/**
 * The filtered numberings of a customer's timeline, by channel, by contact type, and by both. Each contact entry is
 * numbered again (1, 2, ... without gaps) in the three filters it belongs to, within each {@link TimelineNumbering},
 * in {@value #COLLECTION} under {@code _id} = {@code customerId/NUMBERING/filter/n}, holding only
 * {@value #ENTRY}: the entry's number in that numbering. The view keeps each filter's count. A filtered page is then
 * two {@code $in} reads on {@code _id}: the filter's numbers, then the entries they point at.
 * <p>
 * Bounded: three small documents per contact per numbering, and in the view at most one count per channel, type
 * and pair of them (per numbering and per restricted specialism) however long the timeline grows. Idempotent under
 * redelivery like the entries themselves: numbers come from the view's counts, which move only when the view is
 * stored after the filter documents, so a repeat rewrites the same {@code _id}s with the same content.
 */
final class TimelineFilters {
    static final String COLLECTION = "timeline_filters";
    static final String ENTRY = "entry";

    private TimelineFilters() {
    }

    /** The filter key for a channel and/or type; null when neither is given (the whole timeline). */
    static String key(Channel channel, ContactType type) {
        if (channel == null && type == null) {
            return null;
        }
        if (type == null) {
            return "CHANNEL=" + channel.name();
        }
        if (channel == null) {
            return "TYPE=" + type.name();
        }
        return "CHANNEL=" + channel.name() + ",TYPE=" + type.name();
    }

    /** The filters an entry belongs to: none for a service request, three for a contact. */
    static List<String> keysOf(TimelineEntry entry) {
        if (entry.kind() != TimelineEntryKind.CONTACT || entry.channel() == null || entry.type() == null) {
            return List.of();
        }
        return List.of(key(entry.channel(), null), key(null, entry.type()), key(entry.channel(), entry.type()));
    }

    static String id(String customerId, TimelineNumbering numbering, String filter, long number) {
        return customerId + "/" + numbering.name() + "/" + filter + "/" + number;
    }
}
