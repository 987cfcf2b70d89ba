package uk.customerhub.channels.open311;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import uk.customerhub.api.FindPublicServiceRequests;
import uk.customerhub.api.FindPublicStatusUpdates;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.PublicRequestStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the Open311 search parameters into the hub's public searches. {@code GET requests}: {@code service_request_id}
 * (a comma-separated list; every other filter is then ignored), {@code service_code} (one, or a comma-separated list),
 * {@code status} ({@code open}, {@code closed}, or both), {@code start_date} and {@code end_date} (W3C date and time;
 * a span of at most 90 days) — by default the 90 days up to now — newest first, at most 1,000.
 * {@code GET servicerequestupdates}: {@code start_date}, {@code end_date}, by default the last 24 hours; oldest first,
 * at most 1,000.
 */
@Component
public class Open311Searches {
    static final Duration DEFAULT_REQUESTS_SPAN = Duration.ofDays(FindPublicServiceRequests.MAX_DAYS);
    static final Duration DEFAULT_UPDATES_SPAN = Duration.ofDays(1);

    private final String organisation;

    public Open311Searches(Open311Properties properties) {
        this.organisation = properties.organisation();
    }

    FindPublicServiceRequests requests(MultiValueMap<String, String> query) {
        List<String> ids = list(Open311Report.single(query, "service_request_id"));
        if (!ids.isEmpty()) {
            return new FindPublicServiceRequests(organisation, ids, List.of(), null, null, null,
                    FindPublicServiceRequests.MAX_RESULTS);
        }
        Instant[] span = span(query, DEFAULT_REQUESTS_SPAN, FindPublicServiceRequests.MAX_DAYS);
        return new FindPublicServiceRequests(organisation, List.of(), list(Open311Report.single(query, "service_code")),
                status(Open311Report.single(query, "status")), span[0], span[1], FindPublicServiceRequests.MAX_RESULTS);
    }

    FindPublicServiceRequests byId(String serviceRequestId) {
        return new FindPublicServiceRequests(organisation, List.of(serviceRequestId), List.of(), null, null, null, 1);
    }

    FindPublicStatusUpdates updates(MultiValueMap<String, String> query) {
        Instant[] span = span(query, DEFAULT_UPDATES_SPAN, FindPublicStatusUpdates.MAX_DAYS);
        return new FindPublicStatusUpdates(organisation, span[0], span[1], FindPublicStatusUpdates.MAX_RESULTS);
    }

    /** From {@code start_date} (inclusive) to just before {@code end_date}; defaults fill in what is not given. */
    private static Instant[] span(MultiValueMap<String, String> query, Duration defaultSpan, int maxDays) {
        Instant start = datetime("start_date", Open311Report.single(query, "start_date"));
        Instant end = datetime("end_date", Open311Report.single(query, "end_date"));
        if (end == null) {
            end = start == null ? GenericEventMessage.clock.instant() : start.plus(defaultSpan);
        }
        if (start == null) {
            start = end.minus(defaultSpan);
        }
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end_date", "must not be before start_date");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw new InvalidInputException("end_date", "must be at most " + maxDays + " days after start_date");
        }
        return new Instant[]{start, end};
    }

    /** A W3C date and time ({@code 2026-03-02T09:00:00Z}); without an offset it is UTC; a date alone is its start. */
    static Instant datetime(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new InvalidInputException(name, "must be a date and time, e.g. 2026-03-02T09:00:00Z");
                }
            }
        }
    }

    private static PublicRequestStatus status(String value) {
        List<String> statuses = list(value);
        if (statuses.isEmpty() || statuses.containsAll(List.of("open", "closed"))) {
            return null;
        }
        if (statuses.size() == 1 && (statuses.get(0).equals("open") || statuses.get(0).equals("closed"))) {
            return PublicRequestStatus.valueOf(statuses.get(0).toUpperCase(Locale.ROOT));
        }
        throw new InvalidInputException("status", "must be open or closed");
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty()).distinct().toList();
    }
}
