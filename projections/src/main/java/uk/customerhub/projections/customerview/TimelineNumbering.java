package uk.customerhub.projections.customerview;

/**
 * The two ways a customer's timeline entries are numbered, each kept in its own collection with {@code _id}
 * {@code customerId/number}: every entry (1..entryCount), as staff page through it, and the resident-visible
 * entries only (1..residentEntryCount), as the resident pages through them without gaps that would betray hidden
 * entries.
 */
enum TimelineNumbering {
    ALL_ENTRIES("timeline_entries"),
    RESIDENT_VISIBLE("resident_timeline_entries");

    private final String collection;

    TimelineNumbering(String collection) {
        this.collection = collection;
    }

    String collection() {
        return collection;
    }

    static String entryId(String customerId, long number) {
        return customerId + "/" + number;
    }
}
