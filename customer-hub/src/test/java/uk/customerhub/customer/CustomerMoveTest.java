package uk.customerhub.customer;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.ContactMovedIn;
import uk.customerhub.api.ContactMovedOut;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.CustomerMergedException;
import uk.customerhub.api.CustomerMergedInto;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.MoveContact;
import uk.customerhub.api.MovedContact;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.ReceiveMovedContact;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordStatutoryResponse;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceRequestStatus;
import uk.customerhub.api.ServiceRequestStatusUpdated;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.customer.CustomerMergeTest.OTHER;
import static uk.customerhub.customer.CustomerTest.CUSTOMER;
import static uk.customerhub.customer.CustomerTest.REGISTER;
import static uk.customerhub.customer.CustomerTest.REGISTERED_AT;
import static uk.customerhub.customer.CustomerTest.contact;
import static uk.customerhub.customer.CustomerTest.raise;
import static uk.customerhub.customer.CustomerTest.withMetaData;
import static uk.customerhub.customer.ServiceRequestLifecycleTest.ROUTE;
import static uk.customerhub.customer.ServiceRequestLifecycleTest.TUESDAY;
import static uk.customerhub.customer.ServiceRequestLifecycleTest.update;

/**
 * An agent moves one contact from one record to another, given/when/then, one record at a time: {@link #CUSTOMER}
 * is the record the contact leaves in {@link MovingOut} and the destination in {@link MovingIn}; {@link #OTHER} is the
 * other record. A record reads histories ({@link RecordHistory}): its own from the fixture's store, the other's as
 * given here.
 */
class CustomerMoveTest {
    static final String WHY = "Recorded on the wrong record while merged: it was her son who called";
    static final MetaData REASON = MetaData.with(ContactMovedOut.REASON, WHY);

    private AggregateTestFixture<Customer> fixture;
    private InMemoryUniqueKeys uniqueKeys;
    private final Map<String, List<RecordHistory.RecordedEvent>> otherHistories = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        uniqueKeys = new InMemoryUniqueKeys();
        fixture.registerInjectableResource(uniqueKeys);
        fixture.registerInjectableResource(StatutoryTargets.defaults());
        fixture.registerInjectableResource(TestCatalogue.catalogue());
        fixture.registerInjectableResource((RecordHistory) customerId -> customerId.equals(CUSTOMER)
                ? fixture.getEventStore().readEvents(CUSTOMER, 0L).asStream()
                .map(event -> new RecordHistory.RecordedEvent(event.getPayload(), event.getTimestamp())).toList()
                : otherHistories.getOrDefault(customerId, List.of()));
    }

    @Nested
    class MovingOut {

        @Test
        void a_contact_moves_out_as_it_was_recorded_with_the_agents_reason() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, contact("c-1"))
                    .when(new MoveContact(CUSTOMER, "c-1", OTHER, WHY))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.matches(
                            (Predicate<Object>) payload -> payload instanceof ContactMovedOut out
                                    && out.toCustomerId().equals(OTHER)
                                    && out.moved().contact().equals(CustomerTest.recorded(contact("c-1")))
                                    && out.moved().recordedAt().equals(TUESDAY)
                                    && out.moved().serviceRequest() == null
                                    && out.moved().contactFingerprint().equals(Fingerprint.of(contact("c-1")))),
                            Matchers.andNoMore())))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 2));
        }

        @Test
        void a_routed_service_request_moves_with_its_contact_its_provider_its_updates_and_its_service_level_clock() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE,
                            update("u-1", "waste-operations", ServiceRequestStatus.IN_PROGRESS))
                    .when(new MoveContact(CUSTOMER, "c-1", OTHER, WHY))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.matches(
                            (Predicate<Object>) payload -> payload instanceof ContactMovedOut out
                                    && out.moved().serviceRequestId().equals("sr-1")
                                    && out.moved().providerId().equals("waste-operations")
                                    && out.moved().updates().size() == 1
                                    && out.moved().updates().get(0).update().updateId().equals("u-1")
                                    && out.moved().updates().get(0).fingerprint() != null
                                    && out.moved().serviceLevel().response() == SlaTargetStatus.MET
                                    && out.moved().serviceLevel().resolution() == SlaTargetStatus.RUNNING),
                            Matchers.andNoMore())));
        }

        @Test
        void the_same_move_again_answers_the_first_receipt_and_records_nothing() {
            fixture.givenCommands(REGISTER, contact("c-1"), new MoveContact(CUSTOMER, "c-1", OTHER, WHY))
                    .when(new MoveContact(CUSTOMER, "c-1", OTHER, WHY))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 2));
        }

        @Test
        void a_contact_moved_elsewhere_already_is_a_conflict() {
            fixture.givenCommands(REGISTER, contact("c-1"), new MoveContact(CUSTOMER, "c-1", OTHER, WHY))
                    .when(new MoveContact(CUSTOMER, "c-1", "cust-3", WHY))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("already moved to customer " + OTHER));
        }

        @Test
        void the_same_move_for_another_reason_is_a_conflict() {
            fixture.givenCommands(REGISTER, contact("c-1"), new MoveContact(CUSTOMER, "c-1", OTHER, WHY))
                    .when(new MoveContact(CUSTOMER, "c-1", OTHER, "another reason"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_contact_that_is_not_on_the_record_is_invalid_input() {
            fixture.givenCommands(REGISTER)
                    .when(new MoveContact(CUSTOMER, "c-404", OTHER, WHY))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class);
        }

        @Test
        void a_service_request_not_yet_routed_cannot_move_yet() {
            fixture.givenCommands(REGISTER, raise("c-1", "sr-1"))
                    .when(new MoveContact(CUSTOMER, "c-1", OTHER, WHY))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("not routed yet"));
        }

        @Test
        void once_moved_the_request_takes_no_provider_update_here() {
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, raise("c-1", "sr-1"), ROUTE, new MoveContact(CUSTOMER, "c-1", OTHER, WHY))
                    .when(update("u-2", "waste-operations", ServiceRequestStatus.IN_PROGRESS))
                    .expectNoEvents()
                    .expectException(UnknownServiceRequestException.class);
        }

        @Test
        void once_moved_its_statutory_clock_takes_no_response_here() {
            RecordContact foi = new RecordContact(CUSTOMER, "c-1", Channel.EMAIL, ContactType.FOI_REQUEST,
                    Direction.INBOUND, TUESDAY, RecordedBy.selfService(), Outcome.CALLBACK_ARRANGED,
                    Visibility.STAFF_ONLY, null, new ContactNarrative("Please send the bin contract"));
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, foi, new MoveContact(CUSTOMER, "c-1", OTHER, WHY))
                    .when(new RecordStatutoryResponse(CUSTOMER, "c-1", TUESDAY))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_retry_of_the_contact_itself_still_answers_its_first_receipt() {
            fixture.givenCommands(REGISTER, contact("c-1"), new MoveContact(CUSTOMER, "c-1", OTHER, WHY))
                    .when(contact("c-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 1));
        }
    }

    @Nested
    class MovingIn {
        static final Instant THEN = Instant.parse("2025-03-04T10:15:30Z");

        /** The other record's service request, routed and updated once, as it moved out to this record. */
        MovedContact movedFromOther() {
            ContactRecorded contact = new ContactRecorded(OTHER, "c-9", Channel.WEB, ContactType.SERVICE_REQUEST,
                    Direction.INBOUND, THEN, RecordedBy.selfService(), Outcome.SERVICE_REQUEST_RAISED,
                    Visibility.RESIDENT_VISIBLE, null, new ContactNarrative("A mattress dumped behind the shops"));
            ServiceRequestRaised raised = new ServiceRequestRaised(OTHER, "sr-9", "c-9", "fly-tipping",
                    Visibility.RESIDENT_VISIBLE, null, raise("c-9", "sr-9").personal(), 2, null);
            ServiceRequestStatusUpdated update = new ServiceRequestStatusUpdated(OTHER, "sr-9", "waste-operations",
                    "u-1", ServiceRequestStatus.IN_PROGRESS, "WO-1", THEN, new StatusNote("Crew booked"));
            return new MovedContact("c-9", contact, THEN, "fp-contact", raised, THEN, "waste-operations", false,
                    List.of(new MovedContact.ProviderUpdate(update, THEN, Fingerprint.of(acknowledged(OTHER)))),
                    new MovedContact.ServiceLevel(SlaTargetStatus.MET, LocalDate.of(2025, 3, 6),
                            Instant.parse("2025-03-07T00:00:00Z"), SlaTargetStatus.RUNNING, LocalDate.of(2025, 3, 18),
                            Instant.parse("2025-03-19T00:00:00Z"), null),
                    List.of());
        }

        /** The provider's first update of the request, as sent to a record. */
        UpdateServiceRequestStatus acknowledged(String customerId) {
            return new UpdateServiceRequestStatus(customerId, "sr-9", "waste-operations", "u-1",
                    ServiceRequestStatus.IN_PROGRESS, "WO-1", new StatusNote("Crew booked"), THEN);
        }

        void givenMovedOutByOther(MovedContact moved) {
            List<RecordHistory.RecordedEvent> history = new ArrayList<>();
            history.add(new RecordHistory.RecordedEvent(new ContactMovedOut(OTHER, moved.contactId(), CUSTOMER, moved), THEN));
            otherHistories.put(OTHER, history);
            uniqueKeys.claim(KeyNamespaces.CONTACT, "c-9", OTHER + "|fp-contact");
            uniqueKeys.claim(KeyNamespaces.SERVICE_REQUEST, "sr-9", OTHER + "|c-9");
        }

        @Test
        void takes_the_contact_in_as_it_was_moved_out_and_the_contact_and_request_ids_follow_it() {
            MovedContact moved = movedFromOther();
            givenMovedOutByOther(moved);
            fixture.givenCommands(REGISTER)
                    .when(new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY))
                    .expectEvents(withMetaData(new ContactMovedIn(CUSTOMER, OTHER, moved), REASON))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-9", "sr-9", REGISTERED_AT + 1));
            assertThat(uniqueKeys.ownerOf(KeyNamespaces.CONTACT, "c-9")).contains(CUSTOMER + "|fp-contact");
            assertThat(uniqueKeys.ownerOf(KeyNamespaces.SERVICE_REQUEST, "sr-9")).contains(CUSTOMER + "|c-9");
        }

        @Test
        void taking_it_in_again_answers_the_first_receipt_and_records_nothing() {
            givenMovedOutByOther(movedFromOther());
            fixture.givenCommands(REGISTER, new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY))
                    .when(new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-9", "sr-9", REGISTERED_AT + 1));
        }

        @Test
        void a_contact_the_other_record_did_not_move_here_is_a_conflict() {
            fixture.givenCommands(REGISTER)
                    .when(new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_contact_moved_to_another_record_is_a_conflict_here() {
            MovedContact moved = movedFromOther();
            otherHistories.put(OTHER, List.of(new RecordHistory.RecordedEvent(
                    new ContactMovedOut(OTHER, "c-9", "cust-3", moved), THEN)));
            fixture.givenCommands(REGISTER)
                    .when(new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_retired_record_takes_no_moved_contact() {
            givenMovedOutByOther(movedFromOther());
            fixture.given(new uk.customerhub.api.CustomerRegistered(CUSTOMER, REGISTER.category(), REGISTER.personal()))
                    .andGiven(withMetaData(new CustomerMergedInto(CUSTOMER, "cust-3"),
                            MetaData.with(uk.customerhub.api.CustomersMerged.REASON, "same person")))
                    .when(new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY))
                    .expectNoEvents()
                    .expectException(CustomerMergedException.class);
        }

        @Test
        void the_provider_updates_the_moved_request_on_this_record() {
            MovedContact moved = movedFromOther();
            givenMovedOutByOther(moved);
            UpdateServiceRequestStatus closing = new UpdateServiceRequestStatus(CUSTOMER, "sr-9", "waste-operations",
                    "u-2", ServiceRequestStatus.CLOSED, "WO-2", new StatusNote("Cleared"), null);
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY))
                    .when(closing)
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAllOf(Matchers.matches(
                            (Predicate<Object>) payload -> payload instanceof ServiceRequestStatusUpdated updated
                                    && updated.customerId().equals(CUSTOMER) && updated.updateId().equals("u-2")))));
        }

        @Test
        void an_update_the_other_record_took_sent_again_here_answers_a_receipt_and_records_nothing() {
            givenMovedOutByOther(movedFromOther());
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY))
                    .when(acknowledged(CUSTOMER))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-9", "sr-9", REGISTERED_AT + 1));
        }

        @Test
        void the_same_update_id_with_another_body_is_a_conflict_here_too() {
            givenMovedOutByOther(movedFromOther());
            UpdateServiceRequestStatus other = new UpdateServiceRequestStatus(CUSTOMER, "sr-9", "waste-operations",
                    "u-1", ServiceRequestStatus.CLOSED, "WO-1", new StatusNote("Crew booked"), THEN);
            fixture.givenCurrentTime(TUESDAY)
                    .andGivenCommands(REGISTER, new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY))
                    .when(other)
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void an_old_move_sent_again_after_the_contact_went_back_answers_its_first_receipt_and_takes_nothing_in() {
            MovedContact moved = movedFromOther();
            givenMovedOutByOther(moved);
            ReceiveMovedContact receive = new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY);
            var given = fixture.givenCommands(REGISTER, receive, new MoveContact(CUSTOMER, "c-9", OTHER, "hers after all"));
            otherHistories.get(OTHER).add(new RecordHistory.RecordedEvent(new ContactMovedIn(OTHER, CUSTOMER, moved), THEN));

            given.when(receive)
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-9", "sr-9", REGISTERED_AT + 1));
        }

        @Test
        void a_contact_moved_in_can_be_moved_on_again_with_everything_it_came_with() {
            MovedContact moved = movedFromOther();
            givenMovedOutByOther(moved);
            fixture.givenCommands(REGISTER, new ReceiveMovedContact(CUSTOMER, "c-9", OTHER, WHY))
                    .when(new MoveContact(CUSTOMER, "c-9", "cust-3", "the son has a record of his own"))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.matches(
                            (Predicate<Object>) payload -> payload instanceof ContactMovedOut out
                                    && out.toCustomerId().equals("cust-3")
                                    && out.moved().contact().equals(moved.contact())
                                    && out.moved().updates().equals(moved.updates())
                                    && out.moved().serviceLevel().equals(moved.serviceLevel())
                                    && out.moved().contactFingerprint().equals("fp-contact")),
                            Matchers.andNoMore())));
        }
    }
}
