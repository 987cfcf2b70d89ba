package uk.customerhub.projections.open311;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.Provider;
import uk.customerhub.api.PublicRequestStatus;
import uk.customerhub.api.ServiceDefinition;
import uk.customerhub.api.ServiceNotice;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceRequestRerouted;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.Visibility;
import uk.customerhub.catalogue.ServiceCatalogue;
import uk.customerhub.clocks.WorkingDayCalendar;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the public requests index that Open311 GeoReport v2 and mySociety's {@code servicerequestupdates} are
 * answered from (see {@link PublicRequestsStore}).
 * <p>
 * <b>Only what the public may see.</b> A request joins the index only when it is visible to the resident
 * ({@link Visibility#RESIDENT_VISIBLE}): restricted cases (safeguarding) and staff-only requests never do, and
 * neither do their updates; nor do the requests of services whose requests are private matters of the person (a
 * council tax change, a housing repair: {@code unpublishedServices}, configured). The index holds what was reported
 * and where, never the reporter's name, e-mail or phone.
 * <p>
 * <b>Safe to deliver again.</b> Each request document remembers the position of the customer's record it reflects
 * and skips events at or below it; its day buckets are brought in line with its status after the document is
 * written ({@code indexed} false until they are), so a redelivered event finishes what a crash interrupted.
 * Reset for a replay, it empties the index so the replay rebuilds it.
 * <p>
 * The service's name and notice, the provider's name and the expected time (the resolution target of the version of
 * the service the request was raised on, in working days from routing) are read from the catalogue, so a replay gives
 * the same answer as long as providers keep their names.
 */
@ProcessingGroup(PublicRequestsProjection.PROCESSING_GROUP)
public class PublicRequestsProjection {
    /** The processing group (tracking event processor) this projection belongs to. */
    public static final String PROCESSING_GROUP = "open311-requests";

    private final PublicRequestsStore store;
    private final ServiceCatalogue catalogue;
    private final WorkingDayCalendar calendar;
    private final Set<String> unpublishedServices;

    /**
     * @param unpublishedServices codes of the services whose requests are never published (changing them takes a
     *                            replay of the processor to apply to requests already indexed)
     */
    public PublicRequestsProjection(MongoDatabase database, ServiceCatalogue catalogue, WorkingDayCalendar calendar,
                                    Set<String> unpublishedServices) {
        this.store = new PublicRequestsStore(database);
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.unpublishedServices = Set.copyOf(unpublishedServices);
    }

    @ResetHandler
    public void reset() {
        store.drop();
    }

    @EventHandler
    public void on(ServiceRequestRaised event, @SequenceNumber long sequence, @Timestamp Instant raisedAt,
                   @MetaDataValue(Provenance.ORGANISATION) String organisation) {
        if (event.visibility() != Visibility.RESIDENT_VISIBLE || unpublishedServices.contains(event.serviceCode())) {
            return;
        }
        PublicRequestDocument request = store.request(event.serviceRequestId()).orElse(null);
        if (request == null) {
            Optional<ServiceDefinition> service = serviceOf(event);
            request = PublicRequestDocument.raised(event.serviceRequestId(),
                    organisation == null ? Provenance.DEFAULT_ORGANISATION : organisation,
                    event.serviceCode(), service.map(ServiceDefinition::serviceName).orElse(event.serviceCode()),
                    service.map(ServiceNotice::of).orElse(null),
                    event.personal().description(), event.personal().location(), event.personal().mediaUrl(),
                    raisedAt, sequence);
            store.insert(request);
        }
        indexIfBehind(request);
    }

    @EventHandler
    public void on(ServiceRequestRouted event, @SequenceNumber long sequence, @Timestamp Instant routedAt) {
        store.request(event.serviceRequestId()).ifPresent(request -> {
            if (sequence > request.position()) {
                request.routed(providerName(event.providerId()), expectedAt(event.serviceCode(),
                        event.decision() == null ? null : event.decision().serviceVersion(), routedAt), routedAt, sequence);
                store.replace(request);
            }
        });
    }

    @EventHandler
    public void on(ServiceRequestRerouted event, @SequenceNumber long sequence, @Timestamp Instant reroutedAt) {
        store.request(event.serviceRequestId()).ifPresent(request -> {
            if (sequence > request.position()) {
                request.routed(providerName(event.toProviderId()), null, reroutedAt, sequence);
                store.replace(request);
            }
        });
    }

    @EventHandler
    public void on(ServiceRequestStatusUpdated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        PublicRequestDocument request = store.request(event.serviceRequestId()).orElse(null);
        if (request == null) {
            return;
        }
        Instant updatedAt = event.updatedAt() != null ? event.updatedAt() : recordedAt;
        String note = event.personal() == null ? null : event.personal().text();
        if (sequence > request.position()) {
            request.statusChanged(PublicRequestStatus.of(event.status()), note, updatedAt, sequence);
            store.replace(request);
        }
        indexIfBehind(request);
        String updateId = event.updateId() != null ? event.updateId() : String.valueOf(sequence);
        store.addUpdate(request.organisation(), new Document("_id", event.serviceRequestId() + "|" + updateId)
                .append("updateId", updateId)
                .append("serviceRequestId", event.serviceRequestId())
                .append("status", event.status().name())
                .append("updatedAt", Date.from(updatedAt))
                .append("description", note)
                .append("externalStatusCode", event.externalStatusCode()), updatedAt);
    }

    private void indexIfBehind(PublicRequestDocument request) {
        if (!request.indexed()) {
            store.index(request);
            store.markIndexed(request.serviceRequestId());
        }
    }

    private Optional<ServiceDefinition> serviceOf(ServiceRequestRaised event) {
        return event.serviceVersion() != null
                ? catalogue.service(event.serviceCode(), event.serviceVersion())
                : catalogue.service(event.serviceCode());
    }

    private String providerName(String providerId) {
        return catalogue.provider(providerId).map(Provider::name).orElse(providerId);
    }

    /** The end of the last working day of the service's resolution target, counted from the day it was routed. */
    private Instant expectedAt(String serviceCode, Integer serviceVersion, Instant routedAt) {
        Optional<ServiceDefinition> service = serviceVersion != null
                ? catalogue.service(serviceCode, serviceVersion) : catalogue.service(serviceCode);
        return service.map(definition -> WorkingDayCalendar.endOfDay(calendar.plusWorkingDays(
                WorkingDayCalendar.dateInLondon(routedAt), definition.resolutionWorkingDays()))).orElse(null);
    }
}
