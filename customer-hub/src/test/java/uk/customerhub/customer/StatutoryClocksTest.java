package uk.customerhub.customer;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ComplaintEscalated;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.EscalateComplaint;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.MarkStatutoryClockOverdue;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordStatutoryResponse;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.StatutoryClockKind;
import uk.customerhub.api.StatutoryClockOverdue;
import uk.customerhub.api.StatutoryClockStarted;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.api.StatutoryClockStopReason;
import uk.customerhub.api.StatutoryClockStopped;
import uk.customerhub.api.Visibility;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.clocks.WorkingDayCalendar;
import uk.customerhub.identity.InMemoryUniqueKeys;

import java.time.Instant;
import java.time.LocalDate;

import static uk.customerhub.customer.CustomerTest.CUSTOMER;
import static uk.customerhub.customer.CustomerTest.REGISTER;
import static uk.customerhub.customer.CustomerTest.REGISTERED_AT;

/**
 * Statutory clocks on the customer record, given/when/then: an inbound FOI request, subject access request or
 * complaint starts its clock in the same command that records it, with the due date {@link StatutoryTargets} gives;
 * a complaint escalates to stage 2; a response stops a clock; the hub's timer makes an open clock overdue, once.
 */
class StatutoryClocksTest {
    /** Thursday 24 December 2026, 10:00 in London: before Christmas Day, Boxing Day's substitute and New Year's Day. */
    static final Instant CHRISTMAS_EVE = Instant.parse("2026-12-24T10:00:00Z");
    /** Sunday 31 January 2027: the month after has no 31st, and its last day is a Sunday. */
    static final Instant END_OF_JANUARY = Instant.parse("2027-01-31T10:00:00Z");
    /** Monday 4 January 2027, the first working day of the year. */
    static final Instant GIVEN_AT = Instant.parse("2027-01-04T09:00:00Z");
    /**
     * The fixture's clock while the given commands run: after every time they report, which the record would
     * otherwise refuse as in the future. A test sets the clock for its "when" where it matters.
     */
    static final Instant GIVEN_PHASE = Instant.parse("2027-03-01T09:00:00Z");

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(StatutoryTargets.defaults());
    }

    private static AggregateTestFixture<Customer> fixtureWith(StatutoryTargets targets) {
        AggregateTestFixture<Customer> fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(new InMemoryUniqueKeys());
        fixture.registerInjectableResource(targets);
        return fixture;
    }

    static RecordContact request(String contactId, ContactType type, Instant receivedAt) {
        return request(contactId, type, receivedAt, Direction.INBOUND, Visibility.RESIDENT_VISIBLE, null);
    }

    static RecordContact request(String contactId, ContactType type, Instant receivedAt, Direction direction,
                                 Visibility visibility, Specialism specialism) {
        return new RecordContact(CUSTOMER, contactId, Channel.EMAIL, type, direction, receivedAt,
                RecordedBy.assisted("agent-7", null), Outcome.TRANSFERRED_TO_SPECIALIST, visibility, specialism,
                new ContactNarrative("Request " + contactId));
    }

    static ContactRecorded recorded(RecordContact command) {
        return CustomerTest.recorded(command);
    }

    static StatutoryClockStarted started(String clockId, String contactId, StatutoryClockKind kind, Integer stage,
                                         Instant from, LocalDate dueDate) {
        return new StatutoryClockStarted(CUSTOMER, clockId, contactId, kind, stage, from, dueDate,
                WorkingDayCalendar.endOfDay(dueDate), Visibility.RESIDENT_VISIBLE, null);
    }

    static RecordContact complaint(String contactId) {
        return request(contactId, ContactType.COMPLAINT, CHRISTMAS_EVE);
    }

    /** Complaint c-1's stage 1 clock: received on Christmas Eve 2026, due the 10th working day after, 12 January 2027. */
    static final StatutoryClockStarted STAGE_ONE = started("c-1:stage-1", "c-1", StatutoryClockKind.COMPLAINT, 1,
            CHRISTMAS_EVE, LocalDate.of(2027, 1, 12));

    @Nested
    class StartingAClock {

        @Test
        void an_foi_request_received_on_christmas_eve_is_due_on_the_twentieth_working_day_after_the_holidays() {
            RecordContact foi = request("c-1", ContactType.FOI_REQUEST, CHRISTMAS_EVE);

            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .when(foi)
                    .expectEvents(recorded(foi), started("c-1", "c-1", StatutoryClockKind.FOI_REQUEST, null,
                            CHRISTMAS_EVE, LocalDate.of(2027, 1, 26)))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 2));
        }

        @Test
        void a_subject_access_request_received_on_31_january_2027_is_due_after_the_last_day_of_february() {
            // one month: 28 February 2027 (no 31 February), a Sunday, so the next working day, Monday 1 March
            RecordContact sar = request("c-1", ContactType.SUBJECT_ACCESS_REQUEST, END_OF_JANUARY);

            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .when(sar)
                    .expectEvents(recorded(sar), started("c-1", "c-1", StatutoryClockKind.SUBJECT_ACCESS_REQUEST, null,
                            END_OF_JANUARY, LocalDate.of(2027, 3, 1)));
        }

        @Test
        void a_subject_access_request_received_on_31_january_2028_is_due_on_29_february() {
            Instant received = Instant.parse("2028-01-31T16:45:00Z");
            RecordContact sar = request("c-1", ContactType.SUBJECT_ACCESS_REQUEST, received);

            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .when(sar)
                    .expectEvents(recorded(sar), started("c-1", "c-1", StatutoryClockKind.SUBJECT_ACCESS_REQUEST, null,
                            received, LocalDate.of(2028, 2, 29)));
        }

        @Test
        void a_complaint_starts_stage_1_due_on_the_tenth_working_day() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .when(complaint("c-1"))
                    .expectEvents(recorded(complaint("c-1")), STAGE_ONE)
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 2));
        }

        @Test
        void the_complaint_targets_come_from_the_configured_targets() {
            WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();
            fixtureWith(new StatutoryTargets(calendar, calendar, 20, 5, 15))
                    .givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .when(complaint("c-1"))
                    .expectEvents(recorded(complaint("c-1")), started("c-1:stage-1", "c-1", StatutoryClockKind.COMPLAINT,
                            1, CHRISTMAS_EVE, LocalDate.of(2027, 1, 5)));
        }

        @Test
        void the_received_date_is_the_date_in_london_and_the_clock_runs_out_at_london_midnight() {
            // 23:30 UTC on Sunday 6 June 2027 is already Monday 7 June in London (BST): 10 working days to Monday
            // 21 June, overdue from midnight in London, 23:00 UTC
            Instant lateSunday = Instant.parse("2027-06-06T23:30:00Z");
            RecordContact late = request("c-1", ContactType.COMPLAINT, lateSunday);

            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .when(late)
                    .expectEvents(recorded(late), new StatutoryClockStarted(CUSTOMER, "c-1:stage-1", "c-1",
                            StatutoryClockKind.COMPLAINT, 1, lateSunday, LocalDate.of(2027, 6, 21),
                            Instant.parse("2027-06-21T23:00:00Z"), Visibility.RESIDENT_VISIBLE, null));
        }

        @Test
        void a_request_reported_without_its_time_runs_from_when_it_was_recorded() {
            Instant now = Instant.parse("2026-12-24T10:00:00Z");
            RecordContact foi = CustomerTest.withoutOccurredAt(request("c-1", ContactType.FOI_REQUEST, null));

            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .andGivenCurrentTime(now)
                    .when(foi)
                    .expectEvents(new ContactRecorded(CUSTOMER, "c-1", foi.channel(), foi.type(), foi.direction(), now,
                                    foi.recordedBy(), foi.outcome(), foi.visibility(), foi.specialism(), foi.personal()),
                            started("c-1", "c-1", StatutoryClockKind.FOI_REQUEST, null, now, LocalDate.of(2027, 1, 26)));
        }

        @Test
        void the_clock_shows_with_its_contacts_visibility_and_specialism() {
            RecordContact restricted = request("c-1", ContactType.COMPLAINT, CHRISTMAS_EVE, Direction.INBOUND,
                    Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING);

            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .when(restricted)
                    .expectEvents(recorded(restricted), new StatutoryClockStarted(CUSTOMER, "c-1:stage-1", "c-1",
                            StatutoryClockKind.COMPLAINT, 1, CHRISTMAS_EVE, LocalDate.of(2027, 1, 12),
                            WorkingDayCalendar.endOfDay(LocalDate.of(2027, 1, 12)), Visibility.RESTRICTED,
                            Specialism.ADULTS_SAFEGUARDING));
        }

        @ParameterizedTest
        @EnumSource(value = ContactType.class, names = {"FOI_REQUEST", "SUBJECT_ACCESS_REQUEST", "COMPLAINT"})
        void an_outbound_contact_of_a_statutory_type_starts_no_clock(ContactType type) {
            RecordContact outbound = request("c-1", type, CHRISTMAS_EVE, Direction.OUTBOUND, Visibility.RESIDENT_VISIBLE, null);

            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .when(outbound)
                    .expectEvents(recorded(outbound));
        }

        @ParameterizedTest
        @EnumSource(value = ContactType.class, names = {"FOI_REQUEST", "SUBJECT_ACCESS_REQUEST", "COMPLAINT", "SERVICE_REQUEST"},
                mode = EnumSource.Mode.EXCLUDE)
        void other_contacts_start_no_clock(ContactType type) {
            RecordContact other = request("c-1", type, CHRISTMAS_EVE);

            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .when(other)
                    .expectEvents(recorded(other));
        }

        @Test
        void a_retried_request_records_nothing_and_answers_the_first_receipt_with_its_clock() {
            RecordContact foi = request("c-1", ContactType.FOI_REQUEST, CHRISTMAS_EVE);

            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, foi, request("c-2", ContactType.ENQUIRY, CHRISTMAS_EVE))
                    .when(foi)
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 2));
        }

        @Test
        void a_retried_complaint_answers_its_first_receipt_even_after_escalation() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"))
                    .andGivenCommands(new EscalateComplaint(CUSTOMER, "c-1", Instant.parse("2027-01-04T09:00:00Z")))
                    .when(complaint("c-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 2));
        }
    }

    @Nested
    class EscalatingAComplaint {
        static final Instant ESCALATED_AT = Instant.parse("2027-01-04T09:00:00Z");

        @Test
        void stops_stage_1_and_starts_stage_2_due_twenty_working_days_after_the_escalation() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"))
                    .andGivenCurrentTime(ESCALATED_AT.plusSeconds(60))
                    .when(new EscalateComplaint(CUSTOMER, "c-1", ESCALATED_AT))
                    .expectEvents(
                            new ComplaintEscalated(CUSTOMER, "c-1", 2, ESCALATED_AT),
                            new StatutoryClockStopped(CUSTOMER, "c-1:stage-1", "c-1", StatutoryClockKind.COMPLAINT, 1,
                                    StatutoryClockStopReason.ESCALATED, ESCALATED_AT, true),
                            started("c-1:stage-2", "c-1", StatutoryClockKind.COMPLAINT, 2, ESCALATED_AT,
                                    LocalDate.of(2027, 2, 1)))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 5));
        }

        @Test
        void escalating_without_a_time_escalates_now() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"))
                    .andGivenCurrentTime(ESCALATED_AT)
                    .when(new EscalateComplaint(CUSTOMER, "c-1", null))
                    .expectEvents(
                            new ComplaintEscalated(CUSTOMER, "c-1", 2, ESCALATED_AT),
                            new StatutoryClockStopped(CUSTOMER, "c-1:stage-1", "c-1", StatutoryClockKind.COMPLAINT, 1,
                                    StatutoryClockStopReason.ESCALATED, ESCALATED_AT, true),
                            started("c-1:stage-2", "c-1", StatutoryClockKind.COMPLAINT, 2, ESCALATED_AT,
                                    LocalDate.of(2027, 2, 1)));
        }

        @Test
        void a_complaint_answered_at_stage_1_may_still_be_escalated() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"),
                            new RecordStatutoryResponse(CUSTOMER, "c-1", Instant.parse("2026-12-31T12:00:00Z")))
                    .andGivenCurrentTime(ESCALATED_AT)
                    .when(new EscalateComplaint(CUSTOMER, "c-1", ESCALATED_AT))
                    .expectEvents(
                            new ComplaintEscalated(CUSTOMER, "c-1", 2, ESCALATED_AT),
                            started("c-1:stage-2", "c-1", StatutoryClockKind.COMPLAINT, 2, ESCALATED_AT,
                                    LocalDate.of(2027, 2, 1)));
        }

        @Test
        void an_overdue_stage_1_stops_outside_its_target() {
            Instant late = Instant.parse("2027-01-20T09:00:00Z");
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"),
                            new MarkStatutoryClockOverdue(CUSTOMER, "c-1:stage-1", Instant.parse("2027-01-13T00:00:00Z")))
                    .andGivenCurrentTime(late)
                    .when(new EscalateComplaint(CUSTOMER, "c-1", null))
                    .expectEvents(
                            new ComplaintEscalated(CUSTOMER, "c-1", 2, late),
                            new StatutoryClockStopped(CUSTOMER, "c-1:stage-1", "c-1", StatutoryClockKind.COMPLAINT, 1,
                                    StatutoryClockStopReason.ESCALATED, late, false),
                            started("c-1:stage-2", "c-1", StatutoryClockKind.COMPLAINT, 2, late,
                                    LocalDate.of(2027, 2, 17)));
        }

        @Test
        void escalating_again_records_nothing_and_answers_the_first_escalation() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"))
                    .andGivenCommands(new EscalateComplaint(CUSTOMER, "c-1", ESCALATED_AT))
                    .andGivenCurrentTime(ESCALATED_AT.plusSeconds(3_600))
                    .when(new EscalateComplaint(CUSTOMER, "c-1", null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 5));
        }

        @Test
        void only_a_complaint_can_be_escalated() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, request("c-1", ContactType.FOI_REQUEST, CHRISTMAS_EVE))
                    .when(new EscalateComplaint(CUSTOMER, "c-1", ESCALATED_AT))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class);
        }

        @Test
        void a_contact_with_no_clock_cannot_be_escalated() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, request("c-1", ContactType.ENQUIRY, CHRISTMAS_EVE))
                    .when(new EscalateComplaint(CUSTOMER, "c-1", ESCALATED_AT))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("contactId: is not an FOI request, subject access request or complaint with a statutory clock");
        }

        @Test
        void an_unknown_contact_cannot_be_escalated() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER)
                    .when(new EscalateComplaint(CUSTOMER, "c-9", ESCALATED_AT))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("contactId: is not a contact on this record");
        }

        @Test
        void an_escalation_before_the_complaint_was_received_is_refused() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"))
                    .andGivenCurrentTime(ESCALATED_AT)
                    .when(new EscalateComplaint(CUSTOMER, "c-1", CHRISTMAS_EVE.minusSeconds(1)))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class);
        }

        @Test
        void an_escalation_in_the_future_is_refused() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"))
                    .andGivenCurrentTime(ESCALATED_AT)
                    .when(new EscalateComplaint(CUSTOMER, "c-1", ESCALATED_AT.plusSeconds(3_600)))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class);
        }

        @Test
        void escalating_a_complaint_of_an_unregistered_customer_fails() {
            fixture.givenNoPriorActivity()
                    .when(new EscalateComplaint(CUSTOMER, "c-1", ESCALATED_AT))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class RecordingAResponse {
        static final Instant RESPONDED_AT = Instant.parse("2027-01-11T15:00:00Z");

        @Test
        void stops_an_foi_clock_within_its_target() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, request("c-1", ContactType.FOI_REQUEST, CHRISTMAS_EVE))
                    .andGivenCurrentTime(RESPONDED_AT)
                    .when(new RecordStatutoryResponse(CUSTOMER, "c-1", RESPONDED_AT))
                    .expectEvents(new StatutoryClockStopped(CUSTOMER, "c-1", "c-1", StatutoryClockKind.FOI_REQUEST, null,
                            StatutoryClockStopReason.RESPONDED, RESPONDED_AT, true))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 3));
        }

        @Test
        void a_response_on_the_due_date_itself_is_within_target() {
            // due Tuesday 26 January 2027: 23:59 in London that day is still in time
            Instant lastMinute = Instant.parse("2027-01-26T23:59:00Z");
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, request("c-1", ContactType.FOI_REQUEST, CHRISTMAS_EVE))
                    .andGivenCurrentTime(lastMinute)
                    .when(new RecordStatutoryResponse(CUSTOMER, "c-1", null))
                    .expectEvents(new StatutoryClockStopped(CUSTOMER, "c-1", "c-1", StatutoryClockKind.FOI_REQUEST, null,
                            StatutoryClockStopReason.RESPONDED, lastMinute, true));
        }

        @Test
        void an_overdue_clock_stops_outside_its_target() {
            Instant late = Instant.parse("2027-01-27T09:00:00Z");
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, request("c-1", ContactType.FOI_REQUEST, CHRISTMAS_EVE),
                            new MarkStatutoryClockOverdue(CUSTOMER, "c-1", late))
                    .andGivenCurrentTime(late)
                    .when(new RecordStatutoryResponse(CUSTOMER, "c-1", null))
                    .expectEvents(new StatutoryClockStopped(CUSTOMER, "c-1", "c-1", StatutoryClockKind.FOI_REQUEST, null,
                            StatutoryClockStopReason.RESPONDED, late, false));
        }

        @Test
        void a_response_to_an_escalated_complaint_stops_stage_2() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"),
                            new EscalateComplaint(CUSTOMER, "c-1", Instant.parse("2027-01-04T09:00:00Z")))
                    .andGivenCurrentTime(RESPONDED_AT)
                    .when(new RecordStatutoryResponse(CUSTOMER, "c-1", null))
                    .expectEvents(new StatutoryClockStopped(CUSTOMER, "c-1:stage-2", "c-1", StatutoryClockKind.COMPLAINT,
                            2, StatutoryClockStopReason.RESPONDED, RESPONDED_AT, true));
        }

        @Test
        void recording_the_response_again_records_nothing_and_answers_the_first_receipt() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, request("c-1", ContactType.SUBJECT_ACCESS_REQUEST, CHRISTMAS_EVE),
                            new RecordStatutoryResponse(CUSTOMER, "c-1", RESPONDED_AT),
                            request("c-2", ContactType.ENQUIRY, CHRISTMAS_EVE))
                    .andGivenCurrentTime(RESPONDED_AT.plusSeconds(60))
                    .when(new RecordStatutoryResponse(CUSTOMER, "c-1", null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 3));
        }

        @Test
        void a_contact_with_no_clock_has_no_response_to_record() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, request("c-1", ContactType.ENQUIRY, CHRISTMAS_EVE))
                    .when(new RecordStatutoryResponse(CUSTOMER, "c-1", RESPONDED_AT))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class);
        }

        @Test
        void a_response_before_the_request_was_received_is_refused() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, request("c-1", ContactType.FOI_REQUEST, CHRISTMAS_EVE))
                    .andGivenCurrentTime(RESPONDED_AT)
                    .when(new RecordStatutoryResponse(CUSTOMER, "c-1", CHRISTMAS_EVE.minusSeconds(60)))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class);
        }

        @Test
        void a_response_in_the_future_is_refused() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, request("c-1", ContactType.FOI_REQUEST, CHRISTMAS_EVE))
                    .andGivenCurrentTime(RESPONDED_AT)
                    .when(new RecordStatutoryResponse(CUSTOMER, "c-1", RESPONDED_AT.plusSeconds(3_600)))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("respondedAt: must not be in the future");
        }
    }

    @Nested
    class MarkingAClockOverdue {
        /** The end of Tuesday 26 January 2027 in London, when the Christmas Eve FOI request's clock runs out. */
        static final Instant FOI_RUNS_OUT = Instant.parse("2027-01-27T00:00:00Z");
        static final RecordContact FOI = request("c-1", ContactType.FOI_REQUEST, CHRISTMAS_EVE);

        @Test
        void a_clock_past_the_end_of_its_due_date_becomes_overdue() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, FOI)
                    .when(new MarkStatutoryClockOverdue(CUSTOMER, "c-1", FOI_RUNS_OUT))
                    .expectEvents(new StatutoryClockOverdue(CUSTOMER, "c-1", "c-1", StatutoryClockKind.FOI_REQUEST, null,
                            LocalDate.of(2027, 1, 26), FOI_RUNS_OUT))
                    .expectResultMessagePayload(StatutoryClockStatus.OVERDUE);
        }

        @Test
        void a_clock_on_its_due_date_is_not_overdue_yet() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, FOI)
                    .when(new MarkStatutoryClockOverdue(CUSTOMER, "c-1", FOI_RUNS_OUT.minusMillis(1)))
                    .expectNoEvents()
                    .expectResultMessagePayload(StatutoryClockStatus.OPEN);
        }

        @Test
        void a_clock_becomes_overdue_once() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, FOI, new MarkStatutoryClockOverdue(CUSTOMER, "c-1", FOI_RUNS_OUT))
                    .when(new MarkStatutoryClockOverdue(CUSTOMER, "c-1", FOI_RUNS_OUT.plusSeconds(30)))
                    .expectNoEvents()
                    .expectResultMessagePayload(StatutoryClockStatus.OVERDUE);
        }

        @Test
        void a_stopped_clock_never_becomes_overdue() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, FOI)
                    .andGivenCommands(new RecordStatutoryResponse(CUSTOMER, "c-1", GIVEN_AT))
                    .when(new MarkStatutoryClockOverdue(CUSTOMER, "c-1", FOI_RUNS_OUT.plusSeconds(86_400)))
                    .expectNoEvents()
                    .expectResultMessagePayload(StatutoryClockStatus.STOPPED);
        }

        @Test
        void a_stage_1_clock_stopped_by_escalation_never_becomes_overdue_but_stage_2_does() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"), new EscalateComplaint(CUSTOMER, "c-1", GIVEN_AT))
                    .when(new MarkStatutoryClockOverdue(CUSTOMER, "c-1:stage-1", Instant.parse("2027-03-01T00:00:00Z")))
                    .expectNoEvents()
                    .expectResultMessagePayload(StatutoryClockStatus.STOPPED);

            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, complaint("c-1"), new EscalateComplaint(CUSTOMER, "c-1", GIVEN_AT))
                    .when(new MarkStatutoryClockOverdue(CUSTOMER, "c-1:stage-2", Instant.parse("2027-03-01T00:00:00Z")))
                    .expectEvents(new StatutoryClockOverdue(CUSTOMER, "c-1:stage-2", "c-1", StatutoryClockKind.COMPLAINT,
                            2, LocalDate.of(2027, 2, 1), Instant.parse("2027-02-02T00:00:00Z")));
        }

        @Test
        void an_unknown_clock_changes_nothing_and_answers_no_status() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, FOI)
                    .when(new MarkStatutoryClockOverdue(CUSTOMER, "c-9", FOI_RUNS_OUT))
                    .expectNoEvents()
                    .expectResultMessagePayload(null);
        }

        @Test
        void a_retried_request_still_answers_its_first_receipt_once_its_clock_is_overdue() {
            fixture.givenCurrentTime(GIVEN_PHASE).andGivenCommands(REGISTER, FOI, new MarkStatutoryClockOverdue(CUSTOMER, "c-1", FOI_RUNS_OUT))
                    .when(FOI)
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 2));
        }
    }
}
