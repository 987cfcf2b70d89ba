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
import java.util.List;
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
            List<String> buckets = new ArrayList<>();
            for (LocalDate day : days(query.start(), query.end())) {
                if (query.serviceCodes().isEmpty()) {
                    buckets.add(PublicRequestsStore.requestBucket(query.organisation(), day, null, query.status()));
                } else {
                    query.serviceCodes().forEach(code -> buckets.add(
                            PublicRequestsStore.requestBucket(query.organisation(), day, code, query.status())));
                }
            }
            found = store.requests(store.idsIn(buckets)).stream()
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
        List<String> buckets = days(query.start(), query.end()).stream()
                .map(day -> PublicRequestsStore.updateBucket(query.organisation(), day)).toList();
        List<PublicStatusUpdate> updates = store.updates(store.idsIn(buckets)).stream()
                .map(PublicRequestsQueries::toPublic)
                .filter(update -> !update.updatedAt().isBefore(query.start()) && update.updatedAt().isBefore(query.end()))
                .sorted(Comparator.comparing(PublicStatusUpdate::updatedAt).thenComparing(PublicStatusUpdate::updateId))
                .limit(query.limit())
                .toList();
        return new PublicStatusUpdates(updates);
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
