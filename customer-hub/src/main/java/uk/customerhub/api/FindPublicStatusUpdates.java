package uk.customerhub.api;

import java.time.Duration;
import java.time.Instant;

/**
 * Status updates of an organisation's service requests as the public may see them (mySociety's Open311
 * {@code servicerequestupdates}), made from {@code start} (inclusive) to {@code end} (exclusive) — a span of at most
 * {@value #MAX_DAYS} days — oldest first, at most {@code limit}. Answers {@link PublicStatusUpdates}.
 */
public record FindPublicStatusUpdates(String organisation, Instant start, Instant end, int limit) {
    /** The longest span one search may cover. */
    public static final int MAX_DAYS = 90;
    /** The most updates one search answers. */
    public static final int MAX_RESULTS = 1_000;

    public FindPublicStatusUpdates {
        organisation = Require.text("organisation", organisation, Limits.SHORT_TEXT);
        Require.present("start_date", start);
        Require.present("end_date", end);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end_date", "must be after start_date");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new InvalidInputException("end_date", "must be at most " + MAX_DAYS + " days after start_date");
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_RESULTS);
        }
    }
}
