package uk.customerhub.customer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.MarkSlaBreached;
import uk.customerhub.api.PauseSlaClock;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RerouteServiceRequest;
import uk.customerhub.api.ResumeSlaClock;
import uk.customerhub.api.RouteServiceRequest;
import uk.customerhub.api.RoutingDecision;
import uk.customerhub.api.ServiceRequestRerouted;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.ServiceRequestStatus;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.SlaClockPaused;
import uk.customerhub.api.SlaClockResumed;
import uk.customerhub.api.SlaClockStarted;
import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetBreached;
import uk.customerhub.api.SlaTargetMet;
import uk.customerhub.api.SlaTargetStatus;
import uk.customerhub.api.StatusNote;
import uk.customerhub.api.UnknownServiceRequestException;
import uk.customerhub.api.UpdateServiceRequestStatus;
import uk.customerhub.api.Visibility;
import uk.customerhub.catalogue.TestCatalogue;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.identity.InMemoryUniqueKeys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static uk.customerhub.customer.CustomerTest.CUSTOMER;
import static uk.customerhub.customer.CustomerTest.REGISTER;
import static uk.customerhub.customer.CustomerTest.raise;

/**
 * A service request after it is raised, given/when/then: routed to exactly one provider (once, however often the
 * router asks), re-routed by staff, updated only by the provider it is routed to (idempotent on the update id), and
 * its service level clock — started on routing, met by the provider, breached by the timer, paused and resumed.
 * <p>
 * The request is fly-tipping (version 2: respond in 2 working days, resolve in 10), raised and routed on Tuesday
 * 4 March 2025: response due Thursday 6 March, resolution due Tuesday 18 March (London, GMT).
 */
class ServiceRequestLifecycleTest {
    static final Instant TUESDAY = Instant.parse("2025-03-04T10:15:30Z");
    static final RoutingDecision DECISION = new RoutingDecision("default", 3, 2, Map.of());
    static final RouteServiceRequest ROUTE = new RouteServiceRequest(CUSTOMER, "sr-1", "waste-operations", DECISION);
    static final LocalDate RESPONSE_DUE = LocalDate.of(2025, 3, 6);
    static final Instant RESPONSE_DUE_AT = Instant.parse("2025-03-07T00:00:00Z");
    static final LocalDate RESOLUTION_DUE = LocalDate.of(2025, 3, 18);
    static final Instant RESOLUTION_DUE_AT = Instant.parse("2025-03-19T00:00:00Z");
    /** REGISTER applies events 0-3, raising 4-5, routing 6-7. */
    static final long ROUTED_AT = 7;

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(new InMemoryUniqueKeys());
        fixture.registerInjectableResource(StatutoryTargets.defaults());
        fixture.registerInjectableResource(TestCatalogue.catalogue());
    }

    static UpdateServiceRequestStatus update(String updateId, String providerId, ServiceRequestStatus status) {
        return new UpdateServiceRequestStatus(CUSTOMER, "sr-1", providerId, updateId, status, "WO-" + updateId,
                new StatusNote("Crew booked for Thursday"), null);
    }

    static ServiceRequestStatusUpdated updated(UpdateServiceRequestStatus command, Instant at) {
        return new ServiceRequestStatusUpdated(CUSTOMER, "sr-1", command.providerId(), command.updateId(), command.status(),
                command.externalStatusCode(), at, command.personal());
    }

    @Nested
    class Routing {
        @Test
        void records_the_decision_and_starts_the_service_level_clock_from_the_services_targets() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"))
                    .when(ROUTE)
                    .expectEvents(
                            new ServiceRequestRouted(CUSTOMER, "sr-1", "fly-tipping", "waste-operations", DECISION,
                                    Visibility.RESIDENT_VISIBLE, null),
                            new SlaClockStarted(CUSTOMER, "sr-1", "fly-tipping", "waste-operations", TUESDAY,
                                    2, RESPONSE_DUE, RESPONSE_DUE_AT, 10, RESOLUTION_DUE, RESOLUTION_DUE_AT,
                                    Visibility.RESIDENT_VISIBLE, null))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", "sr-1", ROUTED_AT));
        }

        @Test
        void a_second_route_of_the_same_request_changes_nothing_and_answers_the_first_receipt() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .when(new RouteServiceRequest(CUSTOMER, "sr-1", "environmental-health", DECISION))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", "sr-1", ROUTED_AT - 1));
        }

        @Test
        void routing_a_request_the_record_does_not_have_fails() {
            fixture.givenCommands(REGISTER)
                    .when(ROUTE)
                    .expectNoEvents()
                    .expectException(UnknownServiceRequestException.class);
        }

        @Test
        void staff_reroute_a_routed_request_to_another_provider() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .when(new RerouteServiceRequest(CUSTOMER, "sr-1", "environmental-health", "Asbestos found on site"))
                    .expectEvents(new ServiceRequestRerouted(CUSTOMER, "sr-1", "fly-tipping", "waste-operations",
                            "environmental-health", "Asbestos found on site", Visibility.RESIDENT_VISIBLE, null));
        }

        @Test
        void rerouting_to_the_provider_it_is_routed_to_changes_nothing() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .when(new RerouteServiceRequest(CUSTOMER, "sr-1", "waste-operations", "again"))
                    .expectNoEvents();
        }

        @Test
        void rerouting_to_a_provider_not_in_the_catalogue_or_before_routing_is_refused() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .when(new RerouteServiceRequest(CUSTOMER, "sr-1", "nobody", "typo"))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class);
            fixture.givenCommands(REGISTER, raise("c-1", "sr-1"))
                    .when(new RerouteServiceRequest(CUSTOMER, "sr-1", "environmental-health", "too early"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }
    }

    @Nested
    class ProviderUpdates {
        @Test
        void the_provider_it_is_routed_to_records_an_update_which_meets_the_response_target() {
            UpdateServiceRequestStatus acknowledged = update("u-1", "waste-operations", ServiceRequestStatus.ACKNOWLEDGED);
            Instant wednesday = Instant.parse("2025-03-05T09:00:00Z");

            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .andGivenCurrentTime(wednesday)
                    .when(acknowledged)
                    .expectEvents(updated(acknowledged, wednesday),
                            new SlaTargetMet(CUSTOMER, "sr-1", SlaTarget.RESPONSE, wednesday, RESPONSE_DUE_AT))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", "sr-1", ROUTED_AT + 2));
        }

        @Test
        void another_provider_cannot_update_the_request_and_learns_nothing() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .when(update("u-1", "highways-partner", ServiceRequestStatus.FIXED))
                    .expectNoEvents()
                    .expectException(UnknownServiceRequestException.class);
        }

        @Test
        void after_a_reroute_the_previous_provider_can_no_longer_update_it() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE,
                            new RerouteServiceRequest(CUSTOMER, "sr-1", "environmental-health", "Hazardous"))
                    .when(update("u-1", "waste-operations", ServiceRequestStatus.FIXED))
                    .expectNoEvents()
                    .expectException(UnknownServiceRequestException.class);
        }

        @Test
        void an_update_before_routing_is_refused() {
            fixture.givenCommands(REGISTER, raise("c-1", "sr-1"))
                    .when(update("u-1", "waste-operations", ServiceRequestStatus.ACKNOWLEDGED))
                    .expectNoEvents()
                    .expectException(UnknownServiceRequestException.class);
        }

        @Test
        void the_same_update_again_records_nothing_and_answers_the_first_receipt() {
            UpdateServiceRequestStatus acknowledged = update("u-1", "waste-operations", ServiceRequestStatus.ACKNOWLEDGED);
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE, acknowledged,
                            update("u-2", "waste-operations", ServiceRequestStatus.IN_PROGRESS))
                    .when(acknowledged)
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", "sr-1", ROUTED_AT + 2));
        }

        @Test
        void the_same_update_id_with_another_body_is_a_conflict() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE,
                            update("u-1", "waste-operations", ServiceRequestStatus.ACKNOWLEDGED))
                    .when(update("u-1", "waste-operations", ServiceRequestStatus.FIXED))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void an_update_that_finishes_the_request_meets_both_targets() {
            UpdateServiceRequestStatus fixed = update("u-1", "waste-operations", ServiceRequestStatus.FIXED);
            Instant friday = Instant.parse("2025-03-07T09:00:00Z");

            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .andGivenCurrentTime(Instant.parse("2025-03-06T12:00:00Z"))
                    .when(fixed)
                    .expectEvents(updated(fixed, Instant.parse("2025-03-06T12:00:00Z")),
                            new SlaTargetMet(CUSTOMER, "sr-1", SlaTarget.RESPONSE, Instant.parse("2025-03-06T12:00:00Z"), RESPONSE_DUE_AT),
                            new SlaTargetMet(CUSTOMER, "sr-1", SlaTarget.RESOLUTION, Instant.parse("2025-03-06T12:00:00Z"), RESOLUTION_DUE_AT));
        }

        @Test
        void a_first_response_after_its_due_date_is_a_breach_not_a_target_met() {
            UpdateServiceRequestStatus acknowledged = update("u-1", "waste-operations", ServiceRequestStatus.ACKNOWLEDGED);
            Instant friday = Instant.parse("2025-03-07T09:00:00Z");

            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .andGivenCurrentTime(friday)
                    .when(acknowledged)
                    .expectEvents(updated(acknowledged, friday),
                            new SlaTargetBreached(CUSTOMER, "sr-1", "fly-tipping", "waste-operations", SlaTarget.RESPONSE,
                                    RESPONSE_DUE, RESPONSE_DUE_AT, Visibility.RESIDENT_VISIBLE, null));
        }

        @Test
        void an_update_dated_in_the_future_is_refused() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .when(new UpdateServiceRequestStatus(CUSTOMER, "sr-1", "waste-operations", "u-1",
                            ServiceRequestStatus.ACKNOWLEDGED, null, null, TUESDAY.plusSeconds(3600)))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class);
        }
    }

    @Nested
    class ServiceLevelTimer {
        @Test
        void a_target_past_its_due_time_is_marked_breached_once() {
            MarkSlaBreached late = new MarkSlaBreached(CUSTOMER, "sr-1", SlaTarget.RESPONSE, RESPONSE_DUE_AT);

            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .when(late)
                    .expectEvents(new SlaTargetBreached(CUSTOMER, "sr-1", "fly-tipping", "waste-operations",
                            SlaTarget.RESPONSE, RESPONSE_DUE, RESPONSE_DUE_AT, Visibility.RESIDENT_VISIBLE, null))
                    .expectResultMessagePayload(SlaTargetStatus.BREACHED);
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE, late)
                    .when(late)
                    .expectNoEvents()
                    .expectResultMessagePayload(SlaTargetStatus.BREACHED);
        }

        @Test
        void a_target_not_yet_due_is_left_running() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .when(new MarkSlaBreached(CUSTOMER, "sr-1", SlaTarget.RESPONSE, RESPONSE_DUE_AT.minusSeconds(1)))
                    .expectNoEvents()
                    .expectResultMessagePayload(SlaTargetStatus.RUNNING);
        }

        @Test
        void a_paused_clock_is_not_breached_and_resuming_moves_the_due_dates_by_the_working_days_paused() {
            Instant wednesday = Instant.parse("2025-03-05T09:00:00Z");
            Instant nextMonday = Instant.parse("2025-03-10T09:00:00Z");

            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .andGivenCurrentTime(wednesday)
                    .when(new PauseSlaClock(CUSTOMER, "sr-1", "Awaiting photos from the customer"))
                    .expectEvents(new SlaClockPaused(CUSTOMER, "sr-1", wednesday, "Awaiting photos from the customer"));

            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .andGivenCurrentTime(wednesday)
                    .andGivenCommands(new PauseSlaClock(CUSTOMER, "sr-1", "Awaiting photos"))
                    .when(new MarkSlaBreached(CUSTOMER, "sr-1", SlaTarget.RESPONSE, RESPONSE_DUE_AT))
                    .expectNoEvents()
                    .expectResultMessagePayload(SlaTargetStatus.PAUSED);

            // paused Wednesday, resumed the next Monday: Thursday, Friday and Monday (3 working days) did not count
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .andGivenCurrentTime(wednesday)
                    .andGivenCommands(new PauseSlaClock(CUSTOMER, "sr-1", "Awaiting photos"))
                    .andGivenCurrentTime(nextMonday)
                    .when(new ResumeSlaClock(CUSTOMER, "sr-1"))
                    .expectEvents(new SlaClockResumed(CUSTOMER, "sr-1", nextMonday, 3,
                            LocalDate.of(2025, 3, 11), Instant.parse("2025-03-12T00:00:00Z"),
                            LocalDate.of(2025, 3, 21), Instant.parse("2025-03-22T00:00:00Z")));
        }

        @Test
        void pausing_before_routing_is_refused() {
            fixture.givenCommands(REGISTER, raise("c-1", "sr-1"))
                    .when(new PauseSlaClock(CUSTOMER, "sr-1", "Awaiting photos"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }
    }

    @Nested
    class Worklist {
        @Test
        void staff_complete_a_task_about_the_request_once() {
            Instant wednesday = Instant.parse("2025-03-05T09:00:00Z");
            uk.customerhub.api.CompleteWorklistTask complete = new uk.customerhub.api.CompleteWorklistTask(CUSTOMER,
                    "sla-breached:sr-1:RESPONSE", "sr-1", "Chased the crew; collection tomorrow");

            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE)
                    .andGivenCurrentTime(wednesday)
                    .when(complete)
                    .expectEvents(new uk.customerhub.api.WorklistTaskCompleted(CUSTOMER, "sla-breached:sr-1:RESPONSE",
                            "sr-1", "Chased the crew; collection tomorrow", wednesday));
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE, complete)
                    .when(complete)
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", "sr-1", ROUTED_AT + 1));
        }

        @Test
        void a_task_about_a_request_the_record_does_not_have_is_refused() {
            fixture.givenCommands(REGISTER)
                    .when(new uk.customerhub.api.CompleteWorklistTask(CUSTOMER, "sla-breached:sr-9:RESPONSE", "sr-9", null))
                    .expectNoEvents()
                    .expectException(UnknownServiceRequestException.class);
        }
    }
}
