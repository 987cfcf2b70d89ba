package uk.customerhub.customer;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.customerhub.api.Address;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.ContactDetails;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerRegistered;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.IdentityLinked;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.LinkIdentity;
import uk.customerhub.api.Name;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.ProfileUpdated;
import uk.customerhub.api.RaiseServiceRequest;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RegisterCustomer;
import uk.customerhub.api.ServiceLocation;
import uk.customerhub.api.ServiceRequestDetails;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.UpdateProfile;
import uk.customerhub.api.Visibility;
import uk.customerhub.catalogue.TestCatalogue;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.identity.InMemoryUniqueKeys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the integrated customer record, given/when/then. Each nested class is one command; "given" history is
 * built with the record's own commands ({@code givenCommands}) so events carry the metadata the record relies on,
 * except where a test is about history stored without it.
 */
class CustomerTest {

    static final String CUSTOMER = "cust-1";
    static final String OTHER_CUSTOMER = "cust-2";
    static final Instant AT = Instant.parse("2025-03-04T10:15:30Z");

    static final Identity DIGITAL_ID = new Identity(IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:abc123");
    static final Identity HANDLE = new Identity(IdentityKind.SOCIAL_HANDLE, "x:@AdaL");
    static final Identity EMAIL = new Identity(IdentityKind.EMAIL, "ada@example.org");
    static final Identity PHONE = new Identity(IdentityKind.PHONE, "+447700900123");

    static final CustomerProfile PROFILE = new CustomerProfile(
            new Name("Ada", "Lovelace"),
            LocalDate.of(1990, 1, 2),
            new ContactDetails("Ada@Example.org", "07700 900123"),
            new Address(List.of("1 High Street"), "Southampton", "so147ly", "100012345678"));

    static final RegisterCustomer REGISTER =
            new RegisterCustomer(CUSTOMER, CustomerCategory.RESIDENT, PROFILE, List.of(DIGITAL_ID));

    /** The registration above applies four events: sequence numbers 0 to 3. */
    static final long REGISTERED_AT = 3;

    private AggregateTestFixture<Customer> fixture;
    private InMemoryUniqueKeys uniqueKeys;

    @BeforeEach
    void setUp() {
        uniqueKeys = new InMemoryUniqueKeys();
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(uniqueKeys);
        fixture.registerInjectableResource(StatutoryTargets.defaults());
        fixture.registerInjectableResource(TestCatalogue.catalogue());
    }

    static RecordContact contact(String contactId) {
        return new RecordContact(CUSTOMER, contactId, Channel.PHONE, ContactType.ENQUIRY, Direction.INBOUND, AT,
                RecordedBy.assisted("agent-7", "Civic Centre"), Outcome.RESOLVED_FIRST_CONTACT,
                Visibility.STAFF_ONLY, null, new ContactNarrative("Asked about bin collection days"));
    }

    static ContactRecorded recorded(RecordContact command) {
        return new ContactRecorded(command.customerId(), command.contactId(), command.channel(), command.type(),
                command.direction(), command.occurredAt(), command.recordedBy(), command.outcome(),
                command.visibility(), command.specialism(), command.personal());
    }

    static RaiseServiceRequest raise(String contactId, String serviceRequestId) {
        return new RaiseServiceRequest(CUSTOMER, contactId, serviceRequestId, "fly-tipping", Channel.WEB, AT,
                RecordedBy.selfService(), Visibility.RESIDENT_VISIBLE, null,
                new ServiceRequestDetails("A mattress dumped behind the shops",
                        Map.of("size", "large", "hazard", "no"),
                        new ServiceLocation(50.9097, -1.4044, "Behind the shops", null, "SO14 7LY")));
    }

    static RecordContact withoutOccurredAt(RecordContact c) {
        return new RecordContact(c.customerId(), c.contactId(), c.channel(), c.type(), c.direction(), null,
                c.recordedBy(), c.outcome(), c.visibility(), c.specialism(), c.personal());
    }

    static EventMessage<?> withMetaData(Object payload, Map<String, ?> metaData) {
        return GenericEventMessage.asEventMessage(payload).andMetaData(metaData);
    }

    @Nested
    class RegisterCustomerCommand {

        @Test
        void opens_the_record_and_links_the_given_identities_and_the_profiles_email_and_phone() {
            fixture.givenNoPriorActivity()
                    .when(REGISTER)
                    .expectEvents(
                            new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, PROFILE),
                            new IdentityLinked(CUSTOMER, DIGITAL_ID),
                            new IdentityLinked(CUSTOMER, EMAIL),
                            new IdentityLinked(CUSTOMER, PHONE))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT));
        }

        @Test
        void records_the_registration_fingerprint_in_the_events_metadata() {
            MetaData registration = MetaData.with("registrationFingerprint", Fingerprint.of(REGISTER));
            fixture.givenNoPriorActivity()
                    .when(REGISTER)
                    .expectEvents(
                            withMetaData(new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, PROFILE), registration),
                            withMetaData(new IdentityLinked(CUSTOMER, DIGITAL_ID), registration),
                            withMetaData(new IdentityLinked(CUSTOMER, EMAIL), registration),
                            withMetaData(new IdentityLinked(CUSTOMER, PHONE), registration));
        }

        @Test
        void claims_a_digital_id_for_the_customer_but_not_the_shared_email_or_phone() {
            fixture.givenNoPriorActivity()
                    .when(REGISTER)
                    .expectSuccessfulHandlerExecution();

            assertThat(uniqueKeys.ownerOf(KeyNamespaces.identity(IdentityKind.DIGITAL_ID), DIGITAL_ID.value()))
                    .contains(CUSTOMER);
            assertThat(uniqueKeys.ownerOf(KeyNamespaces.identity(IdentityKind.EMAIL), EMAIL.value())).isEmpty();
            assertThat(uniqueKeys.ownerOf(KeyNamespaces.identity(IdentityKind.PHONE), PHONE.value())).isEmpty();
        }

        @Test
        void a_self_registration_with_only_a_digital_id_opens_an_incomplete_record() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomer(CUSTOMER, CustomerCategory.RESIDENT, null, List.of(DIGITAL_ID)))
                    .expectEvents(
                            new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, CustomerProfile.empty()),
                            new IdentityLinked(CUSTOMER, DIGITAL_ID))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, 1));
        }

        @Test
        void a_provisional_record_says_so_and_its_registration_sent_again_is_answered_the_same() {
            RegisterCustomer provisional = new RegisterCustomer(CUSTOMER, CustomerCategory.RESIDENT, CustomerProfile.empty(),
                    List.of(), true);
            fixture.givenNoPriorActivity()
                    .when(provisional)
                    .expectEvents(new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, CustomerProfile.empty(), true))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, 0));
            fixture.given(withMetaData(new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, CustomerProfile.empty(), true),
                            Map.of("registrationFingerprint", Fingerprint.of(provisional))))
                    .when(provisional)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, 0));
        }

        @Test
        void a_registration_that_is_not_provisional_keeps_the_fingerprint_it_had_before_provisional_records() {
            assertThat(Fingerprint.of(new RegisterCustomer(CUSTOMER, CustomerCategory.RESIDENT, CustomerProfile.empty(), List.of())))
                    .isEqualTo(Fingerprint.of("RegisterCustomer[customerId=" + CUSTOMER + ", category=RESIDENT, personal="
                            + CustomerProfile.empty() + ", identities=[]]"));
        }

        @Test
        void an_identity_given_and_also_in_the_profile_is_linked_once() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomer(CUSTOMER, CustomerCategory.RESIDENT, PROFILE, List.of(EMAIL, EMAIL)))
                    .expectEvents(
                            new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, PROFILE),
                            new IdentityLinked(CUSTOMER, EMAIL),
                            new IdentityLinked(CUSTOMER, PHONE))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, 2));
        }

        @Test
        void registering_again_with_the_same_content_is_a_no_op_that_returns_the_same_receipt() {
            fixture.givenCommands(REGISTER)
                    .when(REGISTER)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT));
        }

        @Test
        void a_retried_registration_returns_the_first_receipt_even_after_later_activity() {
            fixture.givenCommands(REGISTER, contact("c-1"))
                    .when(REGISTER)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT));
        }

        @Test
        void registering_again_with_different_content_is_a_conflict() {
            fixture.givenCommands(REGISTER)
                    .when(new RegisterCustomer(CUSTOMER, CustomerCategory.BUSINESS, PROFILE, List.of(DIGITAL_ID)))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_registration_stored_without_its_fingerprint_is_not_taken_for_a_retry() {
            fixture.given(new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, PROFILE))
                    .when(REGISTER)
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_digital_id_that_belongs_to_another_customer_is_a_conflict_and_nothing_is_recorded() {
            uniqueKeys.claim(KeyNamespaces.identity(IdentityKind.DIGITAL_ID), DIGITAL_ID.value(), OTHER_CUSTOMER);

            fixture.givenNoPriorActivity()
                    .when(REGISTER)
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_social_handle_that_belongs_to_another_customer_is_a_conflict_and_nothing_is_recorded() {
            uniqueKeys.claim(KeyNamespaces.identity(IdentityKind.SOCIAL_HANDLE), HANDLE.value(), OTHER_CUSTOMER);

            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomer(CUSTOMER, CustomerCategory.RESIDENT, null, List.of(HANDLE)))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_refused_registration_leaves_its_other_identities_unclaimed() {
            uniqueKeys.claim(KeyNamespaces.identity(IdentityKind.SOCIAL_HANDLE), HANDLE.value(), OTHER_CUSTOMER);

            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomer(CUSTOMER, CustomerCategory.RESIDENT, null, List.of(DIGITAL_ID, HANDLE)))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);

            assertThat(uniqueKeys.ownerOf(KeyNamespaces.identity(IdentityKind.DIGITAL_ID), DIGITAL_ID.value()))
                    .as("the Digital ID stays free for the resident's next attempt")
                    .isEmpty();
        }

        @Test
        void an_email_and_phone_held_by_another_customer_are_shared_not_a_conflict() {
            // even were a household's e-mail and phone held as keys by another customer, they are not exclusive
            uniqueKeys.claim(KeyNamespaces.identity(IdentityKind.EMAIL), EMAIL.value(), OTHER_CUSTOMER);
            uniqueKeys.claim(KeyNamespaces.identity(IdentityKind.PHONE), PHONE.value(), OTHER_CUSTOMER);

            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomer(CUSTOMER, CustomerCategory.RESIDENT, PROFILE, List.of(EMAIL)))
                    .expectEvents(
                            new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, PROFILE),
                            new IdentityLinked(CUSTOMER, EMAIL),
                            new IdentityLinked(CUSTOMER, PHONE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_same_digital_id_already_claimed_by_this_customer_is_no_obstacle() {
            // a claim left by an earlier attempt of this very registration whose events were not stored
            uniqueKeys.claim(KeyNamespaces.identity(IdentityKind.DIGITAL_ID), DIGITAL_ID.value(), CUSTOMER);

            fixture.givenNoPriorActivity()
                    .when(REGISTER)
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT));
        }
    }

    @Nested
    class UpdateProfileCommand {

        @Test
        void merges_the_change_keeping_absent_parts_and_links_a_new_email() {
            CustomerProfile change = new CustomerProfile(new Name(null, "King"), null,
                    new ContactDetails("ada.king@example.org", null), null);
            CustomerProfile merged = new CustomerProfile(new Name("Ada", "King"), LocalDate.of(1990, 1, 2),
                    new ContactDetails("ada.king@example.org", "07700 900123"), PROFILE.address());

            fixture.givenCommands(REGISTER)
                    .when(new UpdateProfile(CUSTOMER, change, null))
                    .expectEvents(
                            new ProfileUpdated(CUSTOMER, CustomerCategory.RESIDENT, merged),
                            new IdentityLinked(CUSTOMER, new Identity(IdentityKind.EMAIL, "ada.king@example.org")))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 2));
        }

        @Test
        void links_a_new_phone_without_relinking_the_email() {
            CustomerProfile change = new CustomerProfile(null, null, new ContactDetails(null, "023 8083 3000"), null);
            CustomerProfile merged = new CustomerProfile(PROFILE.name(), PROFILE.dateOfBirth(),
                    new ContactDetails("ada@example.org", "+442380833000"), PROFILE.address());

            fixture.givenCommands(REGISTER)
                    .when(new UpdateProfile(CUSTOMER, change, null))
                    .expectEvents(
                            new ProfileUpdated(CUSTOMER, CustomerCategory.RESIDENT, merged),
                            new IdentityLinked(CUSTOMER, new Identity(IdentityKind.PHONE, "+442380833000")));
        }

        @Test
        void a_new_address_replaces_the_old_one() {
            Address moved = new Address(List.of("2 Civic Centre Road"), "Southampton", "SO14 7LY", null);
            CustomerProfile change = new CustomerProfile(null, null, null, moved);

            fixture.givenCommands(REGISTER)
                    .when(new UpdateProfile(CUSTOMER, change, null))
                    .expectEvents(new ProfileUpdated(CUSTOMER, CustomerCategory.RESIDENT,
                            new CustomerProfile(PROFILE.name(), PROFILE.dateOfBirth(), PROFILE.contactDetails(), moved)));
        }

        @Test
        void a_new_category_alone_is_a_change() {
            fixture.givenCommands(REGISTER)
                    .when(new UpdateProfile(CUSTOMER, CustomerProfile.empty(), CustomerCategory.BUSINESS))
                    .expectEvents(new ProfileUpdated(CUSTOMER, CustomerCategory.BUSINESS, PROFILE))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 1));
        }

        @Test
        void an_update_that_changes_nothing_records_nothing() {
            CustomerProfile sameAgain = new CustomerProfile(new Name("Ada", null), null,
                    new ContactDetails("ADA@example.org", null), null);

            fixture.givenCommands(REGISTER)
                    .when(new UpdateProfile(CUSTOMER, sameAgain, CustomerCategory.RESIDENT))
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT));
        }

        @Test
        void the_state_follows_the_last_update() {
            CustomerProfile first = new CustomerProfile(new Name(null, "King"), null, null, null);

            fixture.givenCommands(REGISTER, new UpdateProfile(CUSTOMER, first, CustomerCategory.BUSINESS))
                    .when(new UpdateProfile(CUSTOMER, first, CustomerCategory.BUSINESS))
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 1));
        }

        @Test
        void updating_an_unregistered_customer_fails() {
            fixture.givenNoPriorActivity()
                    .when(new UpdateProfile(CUSTOMER, PROFILE, null))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class LinkIdentityCommand {

        @Test
        void links_and_claims_a_social_handle() {
            fixture.givenCommands(REGISTER)
                    .when(new LinkIdentity(CUSTOMER, HANDLE))
                    .expectEvents(new IdentityLinked(CUSTOMER, HANDLE))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 1));

            assertThat(uniqueKeys.ownerOf(KeyNamespaces.identity(IdentityKind.SOCIAL_HANDLE), "x:adal"))
                    .contains(CUSTOMER);
        }

        @Test
        void linking_an_identity_already_linked_is_a_no_op() {
            fixture.givenCommands(REGISTER, new LinkIdentity(CUSTOMER, HANDLE))
                    .when(new LinkIdentity(CUSTOMER, new Identity(IdentityKind.SOCIAL_HANDLE, "X:@adal")))
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 1));
        }

        @Test
        void an_identity_linked_at_registration_is_not_linked_again() {
            fixture.givenCommands(REGISTER)
                    .when(new LinkIdentity(CUSTOMER, DIGITAL_ID))
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT));
        }

        @Test
        void a_social_handle_of_another_customer_is_a_conflict() {
            uniqueKeys.claim(KeyNamespaces.identity(IdentityKind.SOCIAL_HANDLE), HANDLE.value(), OTHER_CUSTOMER);

            fixture.givenCommands(REGISTER)
                    .when(new LinkIdentity(CUSTOMER, HANDLE))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_digital_id_of_another_customer_is_a_conflict() {
            Identity theirs = new Identity(IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:theirs");
            uniqueKeys.claim(KeyNamespaces.identity(IdentityKind.DIGITAL_ID), theirs.value(), OTHER_CUSTOMER);

            fixture.givenCommands(REGISTER)
                    .when(new LinkIdentity(CUSTOMER, theirs))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_phone_shared_with_another_customer_is_linked() {
            Identity householdPhone = new Identity(IdentityKind.PHONE, "023 8083 3000");
            uniqueKeys.claim(KeyNamespaces.identity(IdentityKind.PHONE), householdPhone.value(), OTHER_CUSTOMER);

            fixture.givenCommands(REGISTER)
                    .when(new LinkIdentity(CUSTOMER, householdPhone))
                    .expectEvents(new IdentityLinked(CUSTOMER, householdPhone));
        }

        @Test
        void linking_to_an_unregistered_customer_fails_and_claims_nothing() {
            fixture.givenNoPriorActivity()
                    .when(new LinkIdentity(CUSTOMER, HANDLE))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);

            assertThat(uniqueKeys.size()).isZero();
        }
    }

    @Nested
    class RecordContactCommand {

        @Test
        void records_the_contact_and_answers_with_its_position() {
            RecordContact command = contact("c-1");

            fixture.givenCommands(REGISTER)
                    .when(command)
                    .expectEvents(recorded(command))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 1));
        }

        @Test
        void records_the_contacts_fingerprint_and_no_service_request_in_the_metadata() {
            RecordContact command = contact("c-1");

            fixture.givenCommands(REGISTER)
                    .when(command)
                    .expectEvents(withMetaData(recorded(command),
                            MetaData.with("contactFingerprint", Fingerprint.of(command))));
        }

        @Test
        void claims_the_contact_id_across_the_hub() {
            fixture.givenCommands(REGISTER)
                    .when(contact("c-1"))
                    .expectSuccessfulHandlerExecution();

            assertThat(uniqueKeys.ownerOf(KeyNamespaces.CONTACT, "c-1"))
                    .contains(CUSTOMER + "|" + Fingerprint.of(contact("c-1")));
        }

        @Test
        void positions_follow_the_records_sequence() {
            fixture.givenCommands(REGISTER, contact("c-1"), contact("c-2"))
                    .when(contact("c-3"))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-3", null, REGISTERED_AT + 3));
        }

        @Test
        void a_restricted_contact_keeps_its_specialism() {
            RecordContact restricted = new RecordContact(CUSTOMER, "c-1", Channel.FACE_TO_FACE,
                    ContactType.REFERRAL, Direction.INBOUND, AT, RecordedBy.assisted("agent-7", "Gateway"),
                    Outcome.TRANSFERRED_TO_SPECIALIST, Visibility.RESTRICTED, Specialism.CHILDRENS_SAFEGUARDING,
                    new ContactNarrative("Concern raised about a child"));

            fixture.givenCommands(REGISTER)
                    .when(restricted)
                    .expectEvents(new ContactRecorded(CUSTOMER, "c-1", Channel.FACE_TO_FACE, ContactType.REFERRAL,
                            Direction.INBOUND, AT, RecordedBy.assisted("agent-7", "Gateway"),
                            Outcome.TRANSFERRED_TO_SPECIALIST, Visibility.RESTRICTED,
                            Specialism.CHILDRENS_SAFEGUARDING, new ContactNarrative("Concern raised about a child")));
        }

        @Test
        void a_contact_reported_without_its_time_happened_when_it_was_recorded() {
            Instant now = Instant.parse("2025-06-01T08:00:00Z");
            RecordContact withoutTime = withoutOccurredAt(contact("c-1"));

            fixture.givenCommands(REGISTER)
                    .andGivenCurrentTime(now)
                    .when(withoutTime)
                    .expectEvents(new ContactRecorded(CUSTOMER, "c-1", withoutTime.channel(), withoutTime.type(),
                            withoutTime.direction(), now, withoutTime.recordedBy(), withoutTime.outcome(),
                            withoutTime.visibility(), withoutTime.specialism(), withoutTime.personal()));
        }

        @Test
        void a_retry_without_its_time_is_the_same_contact_even_later() {
            fixture.givenCommands(REGISTER, withoutOccurredAt(contact("c-1")))
                    .andGivenCurrentTime(AT.plusSeconds(3_600))
                    .when(withoutOccurredAt(contact("c-1")))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 1));
        }

        @Test
        void recording_the_same_contact_again_records_nothing_and_returns_the_first_receipt() {
            fixture.givenCommands(REGISTER, contact("c-1"), contact("c-2"))
                    .when(contact("c-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 1));
        }

        static Stream<UnaryOperator<RecordContact>> differentBodies() {
            return Stream.of(
                    c -> new RecordContact(c.customerId(), c.contactId(), c.channel(), c.type(), c.direction(),
                            c.occurredAt(), c.recordedBy(), c.outcome(), c.visibility(), c.specialism(),
                            new ContactNarrative("Asked about something else")),
                    c -> new RecordContact(c.customerId(), c.contactId(), Channel.EMAIL, c.type(), c.direction(),
                            c.occurredAt(), c.recordedBy(), c.outcome(), c.visibility(), c.specialism(), c.personal()),
                    c -> new RecordContact(c.customerId(), c.contactId(), c.channel(), ContactType.COMPLAINT,
                            c.direction(), c.occurredAt(), c.recordedBy(), c.outcome(), c.visibility(),
                            c.specialism(), c.personal()),
                    c -> new RecordContact(c.customerId(), c.contactId(), c.channel(), c.type(), Direction.OUTBOUND,
                            c.occurredAt(), c.recordedBy(), c.outcome(), c.visibility(), c.specialism(), c.personal()),
                    c -> new RecordContact(c.customerId(), c.contactId(), c.channel(), c.type(), c.direction(),
                            c.occurredAt().plusSeconds(1), c.recordedBy(), c.outcome(), c.visibility(),
                            c.specialism(), c.personal()),
                    c -> new RecordContact(c.customerId(), c.contactId(), c.channel(), c.type(), c.direction(),
                            c.occurredAt(), RecordedBy.selfService(), c.outcome(), c.visibility(), c.specialism(),
                            c.personal()),
                    c -> new RecordContact(c.customerId(), c.contactId(), c.channel(), c.type(), c.direction(),
                            c.occurredAt(), c.recordedBy(), Outcome.SIGNPOSTED, c.visibility(), c.specialism(),
                            c.personal()),
                    c -> new RecordContact(c.customerId(), c.contactId(), c.channel(), c.type(), c.direction(),
                            c.occurredAt(), c.recordedBy(), c.outcome(), Visibility.RESTRICTED,
                            Specialism.ADULTS_SAFEGUARDING, c.personal()));
        }

        @ParameterizedTest
        @MethodSource("differentBodies")
        void the_same_contact_id_with_a_different_body_is_a_conflict(UnaryOperator<RecordContact> change) {
            fixture.givenCommands(REGISTER, contact("c-1"))
                    .when(change.apply(contact("c-1")))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_contact_id_used_to_raise_a_service_request_cannot_be_reused_for_a_plain_contact() {
            fixture.givenCommands(REGISTER, raise("c-1", "sr-1"))
                    .when(contact("c-1"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_contact_id_already_used_on_another_customer_is_a_conflict() {
            uniqueKeys.claim(KeyNamespaces.CONTACT, "c-1", OTHER_CUSTOMER + "|" + Fingerprint.of(contact("c-1")));

            fixture.givenCommands(REGISTER)
                    .when(contact("c-1"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_claim_left_by_an_unstored_earlier_attempt_of_the_same_contact_does_not_block_the_retry() {
            RecordContact command = contact("c-1");
            uniqueKeys.claim(KeyNamespaces.CONTACT, "c-1", CUSTOMER + "|" + Fingerprint.of(command));

            fixture.givenCommands(REGISTER)
                    .when(command)
                    .expectEvents(recorded(command))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 1));
        }

        @Test
        void a_retry_is_recognised_in_a_record_rebuilt_from_stored_events() {
            RecordContact command = contact("c-1");

            fixture.given(
                            withMetaData(new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, PROFILE),
                                    MetaData.with("registrationFingerprint", Fingerprint.of(REGISTER))),
                            withMetaData(recorded(command),
                                    MetaData.with("contactFingerprint", Fingerprint.of(command))))
                    .when(command)
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, 1));
        }

        @Test
        void a_contact_stored_without_a_fingerprint_is_a_conflict_not_a_crash() {
            RecordContact command = contact("c-1");

            fixture.given(new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, PROFILE), recorded(command))
                    .when(command)
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void recording_a_contact_of_an_unregistered_customer_fails_and_claims_nothing() {
            fixture.givenNoPriorActivity()
                    .when(contact("c-1"))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);

            assertThat(uniqueKeys.size()).isZero();
        }
    }

    @Nested
    class RaiseServiceRequestCommand {

        static ContactRecorded contactOf(RaiseServiceRequest command) {
            return new ContactRecorded(CUSTOMER, command.contactId(), command.channel(), ContactType.SERVICE_REQUEST,
                    Direction.INBOUND, command.occurredAt(), command.recordedBy(), Outcome.SERVICE_REQUEST_RAISED,
                    command.visibility(), command.specialism(), new ContactNarrative(command.personal().description()));
        }

        static ServiceRequestRaised requestOf(RaiseServiceRequest command) {
            return new ServiceRequestRaised(CUSTOMER, command.serviceRequestId(), command.contactId(),
                    command.serviceCode(), command.visibility(), command.specialism(), command.personal(),
                    TestCatalogue.FLY_TIPPING.version(), CustomerCategory.RESIDENT);
        }

        /** {@link #requestOf} names the current version of fly-tipping (2) and the customer's category. */
        @Test
        void records_the_contact_and_raises_the_request_together_with_the_service_version() {
            RaiseServiceRequest command = raise("c-1", "sr-1");

            fixture.givenCommands(REGISTER)
                    .when(command)
                    .expectEvents(contactOf(command), requestOf(command))
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", "sr-1", REGISTERED_AT + 2));
        }

        @Test
        void records_the_fingerprint_and_the_service_request_id_on_the_contact() {
            RaiseServiceRequest command = raise("c-1", "sr-1");

            fixture.givenCommands(REGISTER)
                    .when(command)
                    .expectEvents(
                            withMetaData(contactOf(command), MetaData.with("contactFingerprint", Fingerprint.of(command))
                                    .and("serviceRequestId", "sr-1")),
                            withMetaData(requestOf(command), MetaData.emptyInstance()));
        }

        @Test
        void claims_the_contact_id_and_the_service_request_id() {
            RaiseServiceRequest command = raise("c-1", "sr-1");

            fixture.givenCommands(REGISTER)
                    .when(command)
                    .expectSuccessfulHandlerExecution();

            assertThat(uniqueKeys.ownerOf(KeyNamespaces.CONTACT, "c-1"))
                    .contains(CUSTOMER + "|" + Fingerprint.of(command));
            assertThat(uniqueKeys.ownerOf(KeyNamespaces.SERVICE_REQUEST, "sr-1")).contains(CUSTOMER + "|c-1");
        }

        @Test
        void a_restricted_request_carries_its_specialism_on_both_events() {
            RaiseServiceRequest command = new RaiseServiceRequest(CUSTOMER, "c-1", "sr-1", "adult-social-care",
                    Channel.PHONE, AT, RecordedBy.assisted("agent-7", null), Visibility.RESTRICTED,
                    Specialism.ADULTS_SAFEGUARDING, new ServiceRequestDetails("Needs a care assessment", null, null));

            fixture.givenCommands(REGISTER)
                    .when(command)
                    .expectEvents(
                            new ContactRecorded(CUSTOMER, "c-1", Channel.PHONE, ContactType.SERVICE_REQUEST,
                                    Direction.INBOUND, AT, RecordedBy.assisted("agent-7", null),
                                    Outcome.SERVICE_REQUEST_RAISED, Visibility.RESTRICTED,
                                    Specialism.ADULTS_SAFEGUARDING, new ContactNarrative("Needs a care assessment")),
                            new ServiceRequestRaised(CUSTOMER, "sr-1", "c-1", "adult-social-care",
                                    Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING,
                                    new ServiceRequestDetails("Needs a care assessment", Map.of(), null),
                                    1, CustomerCategory.RESIDENT));
        }

        @Test
        void a_request_reported_without_its_time_was_raised_when_it_was_recorded() {
            Instant now = Instant.parse("2025-06-01T08:00:00Z");
            RaiseServiceRequest c = raise("c-1", "sr-1");
            RaiseServiceRequest withoutTime = new RaiseServiceRequest(CUSTOMER, "c-1", "sr-1", c.serviceCode(),
                    c.channel(), null, c.recordedBy(), c.visibility(), c.specialism(), c.personal());

            fixture.givenCommands(REGISTER)
                    .andGivenCurrentTime(now)
                    .when(withoutTime)
                    .expectEvents(new ContactRecorded(CUSTOMER, "c-1", c.channel(), ContactType.SERVICE_REQUEST,
                                    Direction.INBOUND, now, c.recordedBy(), Outcome.SERVICE_REQUEST_RAISED,
                                    c.visibility(), c.specialism(), new ContactNarrative(c.personal().description())),
                            requestOf(c));
        }

        @Test
        void raising_again_records_nothing_and_returns_the_first_receipt_with_its_service_request_id() {
            fixture.givenCommands(REGISTER, raise("c-1", "sr-1"), contact("c-2"))
                    .when(raise("c-1", "sr-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", "sr-1", REGISTERED_AT + 2));
        }

        @Test
        void the_same_contact_id_with_a_different_body_is_a_conflict() {
            fixture.givenCommands(REGISTER, raise("c-1", "sr-1"))
                    .when(raise("c-1", "sr-2"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_plain_contact_id_cannot_be_reused_to_raise_a_request() {
            fixture.givenCommands(REGISTER, contact("c-1"))
                    .when(raise("c-1", "sr-1"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_service_request_id_already_in_use_is_a_conflict() {
            fixture.givenCommands(REGISTER, raise("c-1", "sr-1"))
                    .when(raise("c-2", "sr-1"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_refused_request_leaves_its_contact_id_free() {
            uniqueKeys.claim(KeyNamespaces.SERVICE_REQUEST, "sr-1", OTHER_CUSTOMER + "|c-9");

            fixture.givenCommands(REGISTER)
                    .when(raise("c-1", "sr-1"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);

            assertThat(uniqueKeys.ownerOf(KeyNamespaces.CONTACT, "c-1"))
                    .as("the client may use its contact id again with a fresh service request id")
                    .isEmpty();
        }

        @Test
        void a_contact_id_already_used_on_another_customer_is_a_conflict() {
            uniqueKeys.claim(KeyNamespaces.CONTACT, "c-1", OTHER_CUSTOMER + "|" + Fingerprint.of(raise("c-1", "sr-1")));

            fixture.givenCommands(REGISTER)
                    .when(raise("c-1", "sr-1"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);

            assertThat(uniqueKeys.ownerOf(KeyNamespaces.SERVICE_REQUEST, "sr-1")).isEmpty();
        }

        @Test
        void a_retry_is_recognised_in_a_record_rebuilt_from_stored_events() {
            RaiseServiceRequest command = raise("c-1", "sr-1");

            fixture.given(
                            withMetaData(new CustomerRegistered(CUSTOMER, CustomerCategory.RESIDENT, PROFILE),
                                    MetaData.with("registrationFingerprint", Fingerprint.of(REGISTER))),
                            withMetaData(contactOf(command), MetaData.with("contactFingerprint", Fingerprint.of(command))
                                    .and("serviceRequestId", "sr-1")),
                            requestOf(command))
                    .when(command)
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", "sr-1", 2));
        }

        @Test
        void a_request_for_a_service_not_in_the_catalogue_is_invalid_and_claims_nothing() {
            RaiseServiceRequest c = raise("c-1", "sr-1");
            RaiseServiceRequest unknown = new RaiseServiceRequest(CUSTOMER, "c-1", "sr-1", "no-such-service",
                    c.channel(), AT, c.recordedBy(), c.visibility(), null, c.personal());

            fixture.givenCommands(REGISTER)
                    .when(unknown)
                    .expectNoEvents()
                    .expectException(new org.hamcrest.TypeSafeMatcher<Throwable>() {
                        @Override
                        protected boolean matchesSafely(Throwable item) {
                            return item instanceof InvalidInputException invalid && invalid.field().equals("serviceCode");
                        }

                        @Override
                        public void describeTo(org.hamcrest.Description description) {
                            description.appendText("invalid input naming serviceCode");
                        }
                    });

            assertThat(uniqueKeys.ownerOf(KeyNamespaces.CONTACT, "c-1")).isEmpty();
            assertThat(uniqueKeys.ownerOf(KeyNamespaces.SERVICE_REQUEST, "sr-1")).isEmpty();
        }

        @Test
        void an_answer_its_service_does_not_allow_is_invalid_naming_the_attribute_and_claims_nothing() {
            RaiseServiceRequest c = raise("c-1", "sr-1");
            RaiseServiceRequest wrong = new RaiseServiceRequest(CUSTOMER, "c-1", "sr-1", "fly-tipping", c.channel(), AT,
                    c.recordedBy(), c.visibility(), null, new ServiceRequestDetails("A mattress",
                    Map.of("size", "enormous"), c.personal().location()));

            fixture.givenCommands(REGISTER)
                    .when(wrong)
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("attributes.size: must be one of small, large");

            assertThat(uniqueKeys.ownerOf(KeyNamespaces.CONTACT, "c-1")).isEmpty();
        }

        @Test
        void a_request_for_a_service_without_routing_rules_is_refused_so_every_request_has_an_owner() {
            RaiseServiceRequest c = raise("c-1", "sr-1");
            fixture = new AggregateTestFixture<>(Customer.class);
            fixture.registerInjectableResource(uniqueKeys);
            fixture.registerInjectableResource(StatutoryTargets.defaults());
            fixture.registerInjectableResource(TestCatalogue.catalogue().with(new uk.customerhub.api.ServiceDefinition(
                    "graffiti", "Graffiti", "Graffiti on public property", null, null, null, 1, null, null, 2, 10)));

            fixture.givenCommands(REGISTER)
                    .when(new RaiseServiceRequest(CUSTOMER, "c-1", "sr-1", "graffiti", c.channel(), AT, c.recordedBy(),
                            c.visibility(), null, new ServiceRequestDetails("Tags on the bus shelter", null, c.personal().location())))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("serviceCode: takes no requests yet: it has no routing rules");
        }

        @Test
        void a_service_restricted_to_a_specialism_makes_the_contact_and_the_request_restricted_cases() {
            RaiseServiceRequest selfReferral = new RaiseServiceRequest(CUSTOMER, "c-1", "sr-1", "adult-social-care",
                    Channel.WEB, AT, RecordedBy.selfService(), Visibility.RESIDENT_VISIBLE, null,
                    new ServiceRequestDetails("My neighbour has not been seen for a week", null, null));

            fixture.givenCommands(REGISTER)
                    .when(selfReferral)
                    .expectEvents(
                            new ContactRecorded(CUSTOMER, "c-1", Channel.WEB, ContactType.SERVICE_REQUEST,
                                    Direction.INBOUND, AT, RecordedBy.selfService(), Outcome.SERVICE_REQUEST_RAISED,
                                    Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING,
                                    new ContactNarrative("My neighbour has not been seen for a week")),
                            new ServiceRequestRaised(CUSTOMER, "sr-1", "c-1", "adult-social-care",
                                    Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING,
                                    new ServiceRequestDetails("My neighbour has not been seen for a week", null, null),
                                    1, CustomerCategory.RESIDENT));
        }

        @Test
        void raising_a_request_for_an_unregistered_customer_fails_and_claims_nothing() {
            fixture.givenNoPriorActivity()
                    .when(raise("c-1", "sr-1"))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);

            assertThat(uniqueKeys.size()).isZero();
        }
    }
}
