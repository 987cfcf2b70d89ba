package uk.customerhub.projections.open311;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.customerhub.api.AttributeDatatype;
import uk.customerhub.api.AttributeValue;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.FindPublicServiceRequests;
import uk.customerhub.api.FindPublicStatusUpdates;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.Provider;
import uk.customerhub.api.ProviderKind;
import uk.customerhub.api.PublicRequestStatus;
import uk.customerhub.api.PublicServiceRequest;
import uk.customerhub.api.PublicStatusUpdate;
import uk.customerhub.api.RoutingDecision;
import uk.customerhub.api.ServiceAttribute;
import uk.customerhub.api.ServiceDefinition;
import uk.customerhub.api.ServiceLocation;
import uk.customerhub.api.ServiceRequestDetails;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceRequestRerouted;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.ServiceRequestStatus;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.ServiceType;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.StatusNote;
import uk.customerhub.api.Visibility;
import uk.customerhub.projections.TestMongo;
import uk.customerhub.catalogue.InMemoryServiceCatalogue;
import uk.customerhub.clocks.WorkingDayCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public requests index (Open311) against an in-memory MongoDB wire-protocol server reached through the real
 * driver, driven with the events of the service request's life: what is shown, what never is, every filter, the
 * updates feed, redelivery and reset.
 */
class PublicRequestsProjectionTest {
    static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    static final ServiceDefinition POTHOLE = new ServiceDefinition("pothole", "Pothole", "A hole in the road",
            "Roads", List.of("road"), ServiceType.REALTIME, 1, List.of(new ServiceAttribute("surface", true,
            AttributeDatatype.SINGLEVALUELIST, true, null, 1, "Where is it?", List.of(new AttributeValue("road", "Road")))),
            null, 2, 5);
    static final ServiceDefinition MISSED_BIN = new ServiceDefinition("missed-bin", "Missed bin collection",
            "A bin was not emptied", "Waste", List.of(), ServiceType.REALTIME, 1, List.of(), null, 1, 3);
    static final ServiceDefinition COUNCIL_TAX = new ServiceDefinition("council-tax-change", "Council tax change of circumstances",
            "Tell us something changed", "Council tax", List.of(), ServiceType.REALTIME, 1, List.of(), null, 5, 20);
    static final ServiceDefinition MASH = new ServiceDefinition("childrens-safeguarding-referral", "Children's MASH referral",
            "A concern about a child", "Social care", List.of(), ServiceType.REALTIME, 1, List.of(),
            Specialism.CHILDRENS_SAFEGUARDING, 1, 1);

    @RegisterExtension
    static final TestMongo mongo = new TestMongo();

    MongoDatabase database;
    PublicRequestsProjection projection;
    AnnotationEventHandlerAdapter handler;
    PublicRequestsQueries queries;
    final Map<String, Long> nextSequence = new HashMap<>();
    Instant clock = MONDAY;

    @BeforeEach
    void freshDatabase() {
        database = mongo.freshDatabase("open311");
        InMemoryServiceCatalogue catalogue = new InMemoryServiceCatalogue().with(POTHOLE).with(MISSED_BIN).with(MASH).with(COUNCIL_TAX)
                .with(new Provider("highways-partner", "Highways partner", ProviderKind.PARTNER, "Roads Ltd"))
                .with(new Provider("waste-operations", "Waste operations", ProviderKind.INTERNAL_TEAM, "council"));
        projection = new PublicRequestsProjection(database, catalogue, WorkingDayCalendar.englandAndWales(),
                Set.of("council-tax-change"));
        handler = new AnnotationEventHandlerAdapter(projection);
        queries = new PublicRequestsQueries(database);
    }

    DomainEventMessage<?> publish(String customerId, Object event) {
        return publish(customerId, event, Provenance.DEFAULT_ORGANISATION);
    }

    DomainEventMessage<?> publish(String customerId, Object event, String organisation) {
        long sequence = nextSequence.merge(customerId, 1L, Long::sum) - 1;
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Customer", customerId, sequence, event,
                Map.of(Provenance.ORGANISATION, organisation), UUID.randomUUID().toString(), clock);
        clock = clock.plus(Duration.ofMinutes(1));
        deliver(message);
        return message;
    }

    void deliver(DomainEventMessage<?> message) {
        try {
            handler.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ServiceRequestRaised raised(String customerId, String requestId, ServiceDefinition service, Visibility visibility) {
        return new ServiceRequestRaised(customerId, requestId, "c-" + requestId, service.serviceCode(), visibility,
                service.restrictedTo(), new ServiceRequestDetails("Deep hole outside number 12", Map.of(),
                new ServiceLocation(50.9097, -1.4044, "12 Example Street", "100012345678", "SO14 7LY"),
                "https://photos.example.org/" + requestId + ".jpg"), 1, CustomerCategory.RESIDENT);
    }

    static ServiceRequestStatusUpdated update(String customerId, String requestId, String updateId, ServiceRequestStatus status,
                                              Instant at, String note) {
        return new ServiceRequestStatusUpdated(customerId, requestId, "highways-partner", updateId, status, "HW-" + updateId,
                at, new StatusNote(note));
    }

    List<PublicServiceRequest> search(List<String> codes, PublicRequestStatus status, Instant start, Instant end) {
        return queries.handle(new FindPublicServiceRequests(Provenance.DEFAULT_ORGANISATION, List.of(), codes, status,
                start, end, 1000)).requests();
    }

    List<PublicServiceRequest> byId(String... ids) {
        return queries.handle(new FindPublicServiceRequests(Provenance.DEFAULT_ORGANISATION, List.of(ids), List.of(), null,
                null, null, 1000)).requests();
    }

    List<PublicStatusUpdate> updates(Instant start, Instant end) {
        return queries.handle(new FindPublicStatusUpdates(Provenance.DEFAULT_ORGANISATION, start, end, 1000)).updates();
    }

    @Test
    void a_request_visible_to_the_resident_is_shown_with_what_open311_shows_and_routing_names_the_provider() {
        publish("cust-1", raised("cust-1", "sr-1", POTHOLE, Visibility.RESIDENT_VISIBLE));
        publish("cust-1", new ServiceRequestRouted("cust-1", "sr-1", "pothole", "highways-partner",
                new RoutingDecision("default", 1, 1, Map.of()), Visibility.RESIDENT_VISIBLE, null));

        PublicServiceRequest shown = byId("sr-1").get(0);

        assertThat(shown.status()).isEqualTo(PublicRequestStatus.OPEN);
        assertThat(shown.serviceCode()).isEqualTo("pothole");
        assertThat(shown.serviceName()).isEqualTo("Pothole");
        assertThat(shown.description()).isEqualTo("Deep hole outside number 12");
        assertThat(shown.agencyResponsible()).isEqualTo("Highways partner");
        assertThat(shown.serviceNotice()).isEqualTo("We aim to respond within 2 working days and to resolve it within 5 working days.");
        assertThat(shown.requestedAt()).isEqualTo(MONDAY);
        assertThat(shown.updatedAt()).isEqualTo(MONDAY.plus(Duration.ofMinutes(1)));
        // routed on Monday 2 March 2026: five working days later is Monday 9 March, due by its end (London, GMT)
        assertThat(shown.expectedAt()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(shown.address()).isEqualTo("12 Example Street");
        assertThat(shown.addressId()).isEqualTo("100012345678");
        assertThat(shown.postcode()).isEqualTo("SO14 7LY");
        assertThat(shown.latitude()).isEqualTo(50.9097);
        assertThat(shown.longitude()).isEqualTo(-1.4044);
        assertThat(shown.mediaUrl()).isEqualTo("https://photos.example.org/sr-1.jpg");

        publish("cust-1", new ServiceRequestRerouted("cust-1", "sr-1", "pothole", "highways-partner", "waste-operations",
                "wrong team", Visibility.RESIDENT_VISIBLE, null));
        assertThat(byId("sr-1").get(0).agencyResponsible()).isEqualTo("Waste operations");
    }

    @Test
    void restricted_staff_only_and_unpublished_services_requests_and_their_updates_are_never_shown() {
        publish("cust-1", raised("cust-1", "sr-mash", MASH, Visibility.RESTRICTED));
        publish("cust-1", raised("cust-1", "sr-staff", POTHOLE, Visibility.STAFF_ONLY));
        publish("cust-1", raised("cust-1", "sr-tax", COUNCIL_TAX, Visibility.RESIDENT_VISIBLE));
        publish("cust-1", update("cust-1", "sr-mash", "u-1", ServiceRequestStatus.ACKNOWLEDGED, clock, "Seen by MASH"));
        publish("cust-1", update("cust-1", "sr-tax", "u-2", ServiceRequestStatus.CLOSED, clock, "Bill reissued"));

        assertThat(byId("sr-mash", "sr-staff", "sr-tax")).isEmpty();
        assertThat(search(List.of(), null, MONDAY.minus(Duration.ofDays(1)), MONDAY.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(updates(MONDAY.minus(Duration.ofDays(1)), MONDAY.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(database.getCollection(PublicRequestsStore.REQUESTS).countDocuments()).isZero();
    }

    @Test
    void a_status_that_closes_the_request_moves_it_to_closed_and_reopening_moves_it_back() {
        publish("cust-1", raised("cust-1", "sr-1", POTHOLE, Visibility.RESIDENT_VISIBLE));
        Instant day = MONDAY.minus(Duration.ofHours(9));
        Instant nextDay = day.plus(Duration.ofDays(1));

        publish("cust-1", update("cust-1", "sr-1", "u-1", ServiceRequestStatus.FIXED, MONDAY.plus(Duration.ofHours(2)), "Filled"));

        assertThat(search(List.of(), PublicRequestStatus.OPEN, day, nextDay)).isEmpty();
        assertThat(search(List.of(), PublicRequestStatus.CLOSED, day, nextDay)).extracting(PublicServiceRequest::serviceRequestId)
                .containsExactly("sr-1");
        PublicServiceRequest closed = byId("sr-1").get(0);
        assertThat(closed.statusNotes()).isEqualTo("Filled");
        assertThat(closed.updatedAt()).isEqualTo(MONDAY.plus(Duration.ofHours(2)));

        publish("cust-1", update("cust-1", "sr-1", "u-2", ServiceRequestStatus.REOPEN, MONDAY.plus(Duration.ofHours(3)), "Sunk again"));

        assertThat(search(List.of(), PublicRequestStatus.CLOSED, day, nextDay)).isEmpty();
        assertThat(search(List.of("pothole"), PublicRequestStatus.OPEN, day, nextDay)).extracting(PublicServiceRequest::serviceRequestId)
                .containsExactly("sr-1");
    }

    @Test
    void searches_by_day_service_and_status_read_only_their_buckets_newest_first() {
        publish("cust-1", raised("cust-1", "sr-monday", POTHOLE, Visibility.RESIDENT_VISIBLE));
        publish("cust-2", raised("cust-2", "sr-bin", MISSED_BIN, Visibility.RESIDENT_VISIBLE));
        clock = MONDAY.plus(Duration.ofDays(1));
        publish("cust-1", raised("cust-1", "sr-tuesday", POTHOLE, Visibility.RESIDENT_VISIBLE));
        publish("cust-3", raised("cust-3", "sr-elsewhere", POTHOLE, Visibility.RESIDENT_VISIBLE), "another-council");
        Instant monday = MONDAY.minus(Duration.ofHours(9));

        assertThat(search(List.of(), null, monday, monday.plus(Duration.ofDays(2))))
                .extracting(PublicServiceRequest::serviceRequestId).containsExactly("sr-tuesday", "sr-bin", "sr-monday");
        assertThat(search(List.of("pothole"), null, monday, monday.plus(Duration.ofDays(2))))
                .extracting(PublicServiceRequest::serviceRequestId).containsExactly("sr-tuesday", "sr-monday");
        assertThat(search(List.of("pothole", "missed-bin"), PublicRequestStatus.OPEN, monday, monday.plus(Duration.ofDays(1))))
                .extracting(PublicServiceRequest::serviceRequestId).containsExactly("sr-bin", "sr-monday");
        assertThat(search(List.of(), null, MONDAY.plus(Duration.ofSeconds(30)), MONDAY.plus(Duration.ofDays(1))))
                .as("exact times, not whole days").extracting(PublicServiceRequest::serviceRequestId).containsExactly("sr-bin");
        assertThat(byId("sr-elsewhere")).as("another organisation's request").isEmpty();
        assertThat(queries.handle(new FindPublicServiceRequests(Provenance.DEFAULT_ORGANISATION, List.of(), List.of(), null,
                monday, monday.plus(Duration.ofDays(2)), 2)).requests()).hasSize(2);
    }

    @Test
    void the_limit_keeps_the_newest_requests_in_the_span_even_when_the_newest_day_holds_only_later_ones() {
        publish("cust-1", raised("cust-1", "sr-monday", POTHOLE, Visibility.RESIDENT_VISIBLE));
        publish("cust-1", raised("cust-1", "sr-monday-later", POTHOLE, Visibility.RESIDENT_VISIBLE));
        clock = MONDAY.plus(Duration.ofDays(1));
        publish("cust-1", raised("cust-1", "sr-tuesday", POTHOLE, Visibility.RESIDENT_VISIBLE));
        Instant monday = MONDAY.minus(Duration.ofHours(9));

        List<PublicServiceRequest> newest = queries.handle(new FindPublicServiceRequests(Provenance.DEFAULT_ORGANISATION,
                List.of(), List.of(), null, monday, MONDAY.plus(Duration.ofHours(20)), 1)).requests();

        assertThat(newest).extracting(PublicServiceRequest::serviceRequestId).containsExactly("sr-monday-later");
    }

    @Test
    void the_updates_feed_keeps_the_oldest_updates_in_the_span_even_when_the_oldest_day_holds_only_earlier_ones() {
        publish("cust-1", raised("cust-1", "sr-1", POTHOLE, Visibility.RESIDENT_VISIBLE));
        publish("cust-1", update("cust-1", "sr-1", "u-early", ServiceRequestStatus.ACKNOWLEDGED, MONDAY, "Seen"));
        publish("cust-1", update("cust-1", "sr-1", "u-next-day", ServiceRequestStatus.IN_PROGRESS,
                MONDAY.plus(Duration.ofDays(1)), "Started"));
        publish("cust-1", update("cust-1", "sr-1", "u-later", ServiceRequestStatus.FIXED, MONDAY.plus(Duration.ofDays(2)), "Done"));

        List<PublicStatusUpdate> oldest = queries.handle(new FindPublicStatusUpdates(Provenance.DEFAULT_ORGANISATION,
                MONDAY.plus(Duration.ofHours(1)), MONDAY.plus(Duration.ofDays(3)), 1)).updates();

        assertThat(oldest).extracting(PublicStatusUpdate::updateId).containsExactly("u-next-day");
    }

    @Test
    void each_status_update_of_a_shown_request_is_in_the_updates_feed_of_its_day() {
        publish("cust-1", raised("cust-1", "sr-1", POTHOLE, Visibility.RESIDENT_VISIBLE));
        publish("cust-1", update("cust-1", "sr-1", "u-1", ServiceRequestStatus.ACTION_SCHEDULED, MONDAY.plus(Duration.ofHours(1)),
                "Crew booked for Thursday"));
        publish("cust-1", update("cust-1", "sr-1", "u-2", ServiceRequestStatus.FIXED, MONDAY.plus(Duration.ofDays(3)), "Filled"));

        List<PublicStatusUpdate> monday = updates(MONDAY, MONDAY.plus(Duration.ofDays(1)));

        assertThat(monday).singleElement().satisfies(update -> {
            assertThat(update.updateId()).isEqualTo("u-1");
            assertThat(update.serviceRequestId()).isEqualTo("sr-1");
            assertThat(update.status()).isEqualTo(ServiceRequestStatus.ACTION_SCHEDULED);
            assertThat(update.updatedAt()).isEqualTo(MONDAY.plus(Duration.ofHours(1)));
            assertThat(update.description()).isEqualTo("Crew booked for Thursday");
            assertThat(update.externalStatusCode()).isEqualTo("HW-u-1");
        });
        assertThat(updates(MONDAY, MONDAY.plus(Duration.ofDays(4)))).extracting(PublicStatusUpdate::updateId)
                .containsExactly("u-1", "u-2");
    }

    @Test
    void a_redelivered_event_changes_nothing_and_a_reset_empties_the_index() {
        publish("cust-1", raised("cust-1", "sr-1", POTHOLE, Visibility.RESIDENT_VISIBLE));
        DomainEventMessage<?> fixed = publish("cust-1", update("cust-1", "sr-1", "u-1", ServiceRequestStatus.FIXED,
                MONDAY.plus(Duration.ofHours(2)), "Filled"));
        publish("cust-1", update("cust-1", "sr-1", "u-2", ServiceRequestStatus.REOPEN, MONDAY.plus(Duration.ofHours(3)), "Again"));
        Instant day = MONDAY.minus(Duration.ofHours(9));

        deliver(fixed);

        assertThat(byId("sr-1").get(0).status()).isEqualTo(PublicRequestStatus.OPEN);
        assertThat(search(List.of(), PublicRequestStatus.CLOSED, day, day.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(updates(MONDAY, MONDAY.plus(Duration.ofDays(1)))).hasSize(2);

        projection.reset();

        assertThat(byId("sr-1")).isEmpty();
        assertThat(updates(MONDAY, MONDAY.plus(Duration.ofDays(1)))).isEmpty();
    }
}
