package uk.customerhub.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Service requests of an organisation as the public may see them (Open311 {@code GET requests}), newest first, at
 * most {@code limit}: either the requests named by {@code serviceRequestIds} (every other filter is then ignored), or
 * those requested from {@code start} (inclusive) to {@code end} (exclusive) — a span of at most {@value #MAX_DAYS}
 * days — optionally only of the given services and only open or closed. Answers {@link PublicServiceRequests}.
 */
public record FindPublicServiceRequests(String organisation,
                                        List<String> serviceRequestIds,
                                        List<String> serviceCodes,
                                        PublicRequestStatus status,
                                        Instant start,
                                        Instant end,
                                        int limit) {
    /** The longest span of request times one search may cover. */
    public static final int MAX_DAYS = 90;
    /** The most requests one search answers. */
    public static final int MAX_RESULTS = 1_000;
    /** The most services one search may name. */
    public static final int MAX_SERVICE_CODES = 50;

    public FindPublicServiceRequests {
        organisation = Require.text("organisation", organisation, Limits.SHORT_TEXT);
        serviceRequestIds = List.copyOf(Require.atMost("service_request_id",
                serviceRequestIds == null ? List.<String>of() : serviceRequestIds, MAX_RESULTS));
        serviceRequestIds.forEach(id -> Require.id("service_request_id", id));
        serviceCodes = List.copyOf(Require.atMost("service_code",
                serviceCodes == null ? List.<String>of() : serviceCodes, MAX_SERVICE_CODES));
        serviceCodes.forEach(code -> Require.id("service_code", code));
        if (serviceRequestIds.isEmpty()) {
            Require.present("start_date", start);
            Require.present("end_date", end);
            if (!end.isAfter(start)) {
                throw new InvalidInputException("end_date", "must be after start_date");
            }
            if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
                throw new InvalidInputException("end_date", "must be at most " + MAX_DAYS + " days after start_date");
            }
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_RESULTS);
        }
    }
}
