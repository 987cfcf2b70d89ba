package uk.customerhub.projections.open311;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import uk.customerhub.api.FindPublicServiceRequests;
import uk.customerhub.api.FindPublicStatusUpdates;
import uk.customerhub.api.PublicRequestStatus;
import uk.customerhub.api.PublicServiceRequest;
import uk.customerhub.api.PublicServiceRequests;
import uk.customerhub.api.PublicStatusUpdate;
import uk.customerhub.api.PublicStatusUpdates;
import uk.customerhub.api.ServiceRequestStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers the public (Open311) searches from the public requests index: the buckets of each day the search spans
 * (for the services and status it asks, when it does) by one {@code $in}, then the requests they list by another,
 * filtered to the exact times and cut to the limit. Requests named by id are read by {@code $in} on {@code _id}.
 * Another organisation's requests are never answered.
 */
public class PublicRequestsQueries {
    private final PublicRequestsStore store;

    public PublicRequestsQueries(MongoDatabase database) {
        this.store = new PublicRequestsStore(database);
    }

    @QueryHandler
    public PublicServiceRequests handle(FindPublicServiceRequests query) {
        List<PublicRequestDocument> found;
        if (!query.serviceRequestIds().isEmpty()) {
            found = store.requests(Set.copyOf(query.serviceRequestIds())).stream()
                    .filter(request -> request.organisation().equals(query.organisation()))
                    .toList();
        } else {
            found = store.requests(newestIds(query)).stream()
                    .filter(request -> request.organisation().equals(query.organisation()))
                    .filter(request -> !request.requestedAt().isBefore(query.start()) && request.requestedAt().isBefore(query.end()))
                    .filter(request -> query.status() == null || request.status() == query.status())
                    .filter(request -> query.serviceCodes().isEmpty() || query.serviceCodes().contains(request.serviceCode()))
                    .toList();
        }
        return new PublicServiceRequests(found.stream()
                .map(PublicRequestDocument::toPublic)
                .sorted(Comparator.comparing(PublicServiceRequest::requestedAt).reversed()
                        .thenComparing(PublicServiceRequest::serviceRequestId))
                .limit(query.limit())
                .toList());
    }

    @QueryHandler
    public PublicStatusUpdates handle(FindPublicStatusUpdates query) {
        List<LocalDate> days = days(query.start(), query.end());
        Map<String, List<String>> idsByBucket = store.idsByBucket(days.stream()
                .map(day -> PublicRequestsStore.updateBucket(query.organisation(), day)).toList());
        // oldest day first, whole days, until there are limit beyond the oldest day's (which may start before start)
        Set<String> ids = new LinkedHashSet<>();
        int oldestDay = 0;
        for (int i = 0; i < days.size(); i++) {
            ids.addAll(idsByBucket.getOrDefault(PublicRequestsStore.updateBucket(query.organisation(), days.get(i)), List.of()));
            if (i == 0) {
                oldestDay = ids.size();
            }
            if (ids.size() >= oldestDay + query.limit()) {
                break;
            }
        }
        List<PublicStatusUpdate> updates = store.updates(ids).stream()
                .map(PublicRequestsQueries::toPublic)
                .filter(update -> !update.updatedAt().isBefore(query.start()) && update.updatedAt().isBefore(query.end()))
                .sorted(Comparator.comparing(PublicStatusUpdate::updatedAt).thenComparing(PublicStatusUpdate::updateId))
                .limit(query.limit())
                .toList();
        return new PublicStatusUpdates(updates);
    }

    /**
     * The ids of the buckets the search reads, newest day first, taking whole days until there are enough: the
     * buckets are exact for service and status, and only the newest day may list requests after {@code end} (the
     * oldest day's early ones are older than everything else taken), so enough is {@code limit} beyond the newest
     * day's. At most a day's worth more than needed is loaded.
     */
    private Set<String> newestIds(FindPublicServiceRequests query) {
        List<LocalDate> days = days(query.start(), query.end());
        List<String> bucketIds = new ArrayList<>();
        days.forEach(day -> bucketIds.addAll(bucketsOf(query, day)));
        Map<String, List<String>> idsByBucket = store.idsByBucket(bucketIds);
        Set<String> ids = new LinkedHashSet<>();
        int newestDay = 0;
        for (int i = days.size() - 1; i >= 0; i--) {
            bucketsOf(query, days.get(i)).forEach(bucket -> ids.addAll(idsByBucket.getOrDefault(bucket, List.of())));
            if (i == days.size() - 1) {
                newestDay = ids.size();
            }
            if (ids.size() >= newestDay + query.limit()) {
                break;
            }
        }
        return ids;
    }

    private static List<String> bucketsOf(FindPublicServiceRequests query, LocalDate day) {
        if (query.serviceCodes().isEmpty()) {
            return List.of(PublicRequestsStore.requestBucket(query.organisation(), day, null, query.status()));
        }
        return query.serviceCodes().stream()
                .map(code -> PublicRequestsStore.requestBucket(query.organisation(), day, code, query.status())).toList();
    }

    /** The UTC days from the one {@code start} falls on to the one just before {@code end}. */
    private static List<LocalDate> days(Instant start, Instant end) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = PublicRequestsStore.dayOf(end.minusNanos(1));
        for (LocalDate day = PublicRequestsStore.dayOf(start); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    private static PublicStatusUpdate toPublic(Document update) {
        return new PublicStatusUpdate(update.getString("updateId"), update.getString("serviceRequestId"),
                ServiceRequestStatus.valueOf(update.getString("status")), update.getDate("updatedAt").toInstant(),
                update.getString("description"), null, update.getString("externalStatusCode"));
    }
}
