package uk.customerhub.api;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static uk.customerhub.api.Invalid.assertRefused;

/** The rules commands and queries check of their own content, as they are built. */
class CommandsTest {

    static final Instant AT = Instant.parse("2025-03-04T10:15:30Z");
    static final ContactNarrative SAID = new ContactNarrative("Asked about council tax");
    static final ServiceRequestDetails DETAILS = new ServiceRequestDetails("A pothole", null, null);
    static final Viewer AGENT = Viewer.agent("agent-1");

    static RecordContact contact(ContactType type, Outcome outcome, Visibility visibility, Specialism specialism) {
        return new RecordContact("cust-1", "c-1", Channel.PHONE, type, Direction.OUTBOUND, AT,
                RecordedBy.assisted("agent-7", null), outcome, visibility, specialism, SAID);
    }

    static RaiseServiceRequest request(Visibility visibility, Specialism specialism) {
        return new RaiseServiceRequest("cust-1", "c-1", "sr-1", "pothole", Channel.WEB, AT, RecordedBy.selfService(),
                visibility, specialism, DETAILS);
    }

    // --- RecordContact

    @Test
    void a_plain_contact_cannot_be_a_service_request() {
        assertRefused("type", () -> contact(ContactType.SERVICE_REQUEST, Outcome.NO_ACTION, Visibility.STAFF_ONLY, null));
    }

    @Test
    void a_plain_contact_cannot_have_raised_a_service_request() {
        assertRefused("outcome",
                () -> contact(ContactType.ENQUIRY, Outcome.SERVICE_REQUEST_RAISED, Visibility.STAFF_ONLY, null));
    }

    @ParameterizedTest
    @EnumSource(value = ContactType.class, mode = EnumSource.Mode.EXCLUDE, names = "SERVICE_REQUEST")
    void every_other_type_of_contact_is_recorded_as_a_plain_contact(ContactType type) {
        assertThat(contact(type, Outcome.SIGNPOSTED, Visibility.STAFF_ONLY, null).type()).isEqualTo(type);
    }

    @Test
    void a_contact_without_a_direction_is_inbound_and_may_have_no_outcome_yet() {
        RecordContact contact = new RecordContact("cust-1", "c-1", Channel.WEB, ContactType.ENQUIRY, null, AT,
                RecordedBy.selfService(), null, Visibility.RESIDENT_VISIBLE, null, SAID);
        assertThat(contact.direction()).isEqualTo(Direction.INBOUND);
        assertThat(contact.outcome()).isNull();
        assertThat(contact(ContactType.ENQUIRY, null, Visibility.STAFF_ONLY, null).direction())
                .isEqualTo(Direction.OUTBOUND);
    }

    static Stream<Arguments> contactsMissingAField() {
        return Stream.of(
                arguments("customerId", (ThrowingCallable) () -> new RecordContact(null, "c-1", Channel.WEB,
                        ContactType.ENQUIRY, null, AT, RecordedBy.selfService(), null, Visibility.STAFF_ONLY, null, SAID)),
                arguments("contactId", (ThrowingCallable) () -> new RecordContact("cust-1", null, Channel.WEB,
                        ContactType.ENQUIRY, null, AT, RecordedBy.selfService(), null, Visibility.STAFF_ONLY, null, SAID)),
                arguments("channel", (ThrowingCallable) () -> new RecordContact("cust-1", "c-1", null,
                        ContactType.ENQUIRY, null, AT, RecordedBy.selfService(), null, Visibility.STAFF_ONLY, null, SAID)),
                arguments("type", (ThrowingCallable) () -> new RecordContact("cust-1", "c-1", Channel.WEB,
                        null, null, AT, RecordedBy.selfService(), null, Visibility.STAFF_ONLY, null, SAID)),
                arguments("recordedBy", (ThrowingCallable) () -> new RecordContact("cust-1", "c-1", Channel.WEB,
                        ContactType.ENQUIRY, null, AT, null, null, Visibility.STAFF_ONLY, null, SAID)),
                arguments("visibility", (ThrowingCallable) () -> new RecordContact("cust-1", "c-1", Channel.WEB,
                        ContactType.ENQUIRY, null, AT, RecordedBy.selfService(), null, null, null, SAID)),
                arguments("personal", (ThrowingCallable) () -> new RecordContact("cust-1", "c-1", Channel.WEB,
                        ContactType.ENQUIRY, null, AT, RecordedBy.selfService(), null, Visibility.STAFF_ONLY, null, null)),
                arguments("summary", (ThrowingCallable) () -> new ContactNarrative(null)),
                arguments("summary", (ThrowingCallable) () -> new ContactNarrative(" \n ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contactsMissingAField")
    void a_contact_missing_a_required_field_is_refused(String field, ThrowingCallable building) {
        assertRefused(field, building);
    }

    @Test
    void a_contact_happening_now_may_leave_out_when_it_occurred() {
        assertThat(new RecordContact("cust-1", "c-1", Channel.WEB, ContactType.ENQUIRY, null, null,
                RecordedBy.selfService(), null, Visibility.STAFF_ONLY, null, SAID).occurredAt()).isNull();
        assertThat(new RaiseServiceRequest("cust-1", "c-1", "sr-1", "pothole", Channel.WEB, null,
                RecordedBy.selfService(), Visibility.STAFF_ONLY, null, DETAILS).occurredAt()).isNull();
    }

    // --- RaiseServiceRequest

    static Stream<Arguments> requestsMissingAField() {
        return Stream.of(
                arguments("customerId", (ThrowingCallable) () -> new RaiseServiceRequest(null, "c-1", "sr-1", "pothole",
                        Channel.WEB, AT, RecordedBy.selfService(), Visibility.STAFF_ONLY, null, DETAILS)),
                arguments("contactId", (ThrowingCallable) () -> new RaiseServiceRequest("cust-1", null, "sr-1", "pothole",
                        Channel.WEB, AT, RecordedBy.selfService(), Visibility.STAFF_ONLY, null, DETAILS)),
                arguments("serviceRequestId", (ThrowingCallable) () -> new RaiseServiceRequest("cust-1", "c-1", null,
                        "pothole", Channel.WEB, AT, RecordedBy.selfService(), Visibility.STAFF_ONLY, null, DETAILS)),
                arguments("serviceCode", (ThrowingCallable) () -> new RaiseServiceRequest("cust-1", "c-1", "sr-1", null,
                        Channel.WEB, AT, RecordedBy.selfService(), Visibility.STAFF_ONLY, null, DETAILS)),
                arguments("channel", (ThrowingCallable) () -> new RaiseServiceRequest("cust-1", "c-1", "sr-1", "pothole",
                        null, AT, RecordedBy.selfService(), Visibility.STAFF_ONLY, null, DETAILS)),
                arguments("recordedBy", (ThrowingCallable) () -> new RaiseServiceRequest("cust-1", "c-1", "sr-1",
                        "pothole", Channel.WEB, AT, null, Visibility.STAFF_ONLY, null, DETAILS)),
                arguments("visibility", (ThrowingCallable) () -> new RaiseServiceRequest("cust-1", "c-1", "sr-1",
                        "pothole", Channel.WEB, AT, RecordedBy.selfService(), null, null, DETAILS)),
                arguments("personal", (ThrowingCallable) () -> new RaiseServiceRequest("cust-1", "c-1", "sr-1",
                        "pothole", Channel.WEB, AT, RecordedBy.selfService(), Visibility.STAFF_ONLY, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsMissingAField")
    void a_service_request_missing_a_required_field_is_refused(String field, ThrowingCallable building) {
        assertRefused(field, building);
    }

    // --- visibility and specialism, on both commands that make timeline entries

    @Test
    void a_restricted_entry_needs_a_specialism() {
        assertRefused("specialism", () -> contact(ContactType.REFERRAL, null, Visibility.RESTRICTED, null));
        assertRefused("specialism", () -> request(Visibility.RESTRICTED, null));
        assertRefused("specialism", () -> EntryVisibility.check(Visibility.RESTRICTED, null));
    }

    @ParameterizedTest
    @EnumSource(value = Visibility.class, mode = EnumSource.Mode.EXCLUDE, names = "RESTRICTED")
    void an_entry_that_is_not_restricted_must_not_name_a_specialism(Visibility visibility) {
        assertRefused("specialism", () -> contact(ContactType.REFERRAL, null, visibility, Specialism.ADULTS_SAFEGUARDING));
        assertRefused("specialism", () -> request(visibility, Specialism.CHILDRENS_SAFEGUARDING));
        assertThatCode(() -> contact(ContactType.REFERRAL, null, visibility, null)).doesNotThrowAnyException();
        assertThatCode(() -> request(visibility, null)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Specialism.class)
    void a_restricted_entry_with_its_specialism_is_accepted(Specialism specialism) {
        assertThat(contact(ContactType.REFERRAL, null, Visibility.RESTRICTED, specialism).specialism()).isEqualTo(specialism);
        assertThat(request(Visibility.RESTRICTED, specialism).specialism()).isEqualTo(specialism);
    }

    @Test
    void an_entry_needs_a_visibility() {
        assertRefused("visibility", () -> EntryVisibility.check(null, null));
    }

    // --- who recorded it

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void assisted_contact_needs_an_agent_id(String blank) {
        assertRefused("recordedBy.agentId", () -> new RecordedBy(RecorderKind.ASSISTED, null, "Civic Centre"));
        assertRefused("recordedBy.agentId", () -> new RecordedBy(RecorderKind.ASSISTED, blank, "Civic Centre"));
    }

    @Test
    void assisted_contact_keeps_its_agent_and_access_point() {
        RecordedBy assisted = RecordedBy.assisted(" agent-7 ", "Gateway");
        assertThat(assisted).isEqualTo(new RecordedBy(RecorderKind.ASSISTED, "agent-7", "Gateway"));
    }

    @Test
    void self_service_and_system_contact_need_no_agent() {
        assertThat(RecordedBy.selfService()).isEqualTo(new RecordedBy(RecorderKind.SELF_SERVICE, null, null));
        assertThatCode(() -> new RecordedBy(RecorderKind.SYSTEM, null, null)).doesNotThrowAnyException();
        assertThat(new RecordedBy(RecorderKind.SYSTEM, " ", " ").agentId()).isNull();
    }

    @Test
    void who_recorded_it_must_be_said() {
        assertRefused("recordedBy.kind", () -> new RecordedBy(null, "agent-7", null));
    }

    // --- identifiers

    @ParameterizedTest
    @ValueSource(strings = {"c-1", "C.1_a:b-2", "0", "550e8400-e29b-41d4-a716-446655440000"})
    void identifiers_are_letters_digits_and_dot_underscore_colon_hyphen(String id) {
        assertThat(Require.id("contactId", id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "c 1", "-c1", ".c1", "c/1", "c1\n", "é1", "c#1", "c1?x=1"})
    void other_identifiers_are_refused(String id) {
        assertRefused("contactId", () -> contactWithId(id));
    }

    static RecordContact contactWithId(String contactId) {
        return new RecordContact("cust-1", contactId, Channel.WEB, ContactType.ENQUIRY, null, AT,
                RecordedBy.selfService(), null, Visibility.STAFF_ONLY, null, SAID);
    }

    // --- RegisterCustomer, UpdateProfile, LinkIdentity

    @Test
    void a_registration_needs_a_category() {
        assertRefused("category", () -> new RegisterCustomer("cust-1", null, null, null));
    }

    @Test
    void a_registration_without_profile_or_identities_has_an_empty_profile_and_none() {
        RegisterCustomer register = new RegisterCustomer("cust-1", CustomerCategory.VISITOR, null, null);
        assertThat(register.personal()).isEqualTo(CustomerProfile.empty());
        assertThat(register.identities()).isEmpty();
    }

    @Test
    void a_registration_keeps_its_own_copy_of_the_identities() {
        List<Identity> given = new ArrayList<>(List.of(new Identity(IdentityKind.EMAIL, "a@example.org")));
        RegisterCustomer register = new RegisterCustomer("cust-1", CustomerCategory.RESIDENT, null, given);
        given.add(new Identity(IdentityKind.EMAIL, "b@example.org"));
        assertThat(register.identities()).hasSize(1);
    }

    @Test
    void a_missing_identity_in_a_registration_is_refused() {
        assertRefused("identities", () -> new RegisterCustomer("cust-1", CustomerCategory.RESIDENT, null,
                Arrays.asList(new Identity(IdentityKind.EMAIL, "a@example.org"), null)));
    }

    @Test
    void an_update_needs_a_change() {
        assertRefused("change", () -> new UpdateProfile("cust-1", null, null));
    }

    @Test
    void linking_needs_an_identity() {
        assertRefused("identity", () -> new LinkIdentity("cust-1", null));
    }

    // --- queries

    @Test
    void a_timeline_page_is_from_zero_and_holds_one_to_a_hundred_entries() {
        assertRefused("page", () -> new FetchTimelinePage("cust-1", AGENT, -1, 20, null));
        assertRefused("size", () -> new FetchTimelinePage("cust-1", AGENT, 0, 0, null));
        assertRefused("size", () -> new FetchTimelinePage("cust-1", AGENT, 0, 101, null));
        assertThatCode(() -> new FetchTimelinePage("cust-1", AGENT, 0, 1, null)).doesNotThrowAnyException();
        assertThatCode(() -> new FetchTimelinePage("cust-1", AGENT, 7, 100, 12L)).doesNotThrowAnyException();
    }

    @Test
    void every_query_says_who_is_asking() {
        assertRefused("viewer", () -> new FetchCustomerView("cust-1", null, null));
        assertRefused("viewer", () -> new FetchTimelinePage("cust-1", null, 0, 20, null));
        assertRefused("viewer", () -> new FindCustomersByIdentity(new Identity(IdentityKind.EMAIL, "a@example.org"), null));
        assertRefused("viewer", () -> new FindCustomersBySurnameAndPostcode("Lovelace", "SO14 7LY", null));
    }

    @Test
    void a_search_by_identity_needs_one() {
        assertRefused("identity", () -> new FindCustomersByIdentity(null, AGENT));
    }

    @Test
    void a_search_by_surname_and_postcode_normalises_both_and_needs_both() {
        FindCustomersBySurnameAndPostcode query = new FindCustomersBySurnameAndPostcode(" LoveLace ", "so147ly", AGENT);
        assertThat(query.surname()).isEqualTo("lovelace");
        assertThat(query.postcode()).isEqualTo("SO14 7LY");
        assertRefused("surname", () -> new FindCustomersBySurnameAndPostcode(" ", "SO14 7LY", AGENT));
        assertRefused("postcode", () -> new FindCustomersBySurnameAndPostcode("Lovelace", null, AGENT));
        assertRefused("postcode", () -> new FindCustomersBySurnameAndPostcode("Lovelace", "nowhere", AGENT));
    }
}
