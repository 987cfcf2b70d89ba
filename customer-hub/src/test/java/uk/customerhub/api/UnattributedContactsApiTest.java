package uk.customerhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static uk.customerhub.api.Invalid.assertRefused;

/**
 * The unattributed contact's commands, queries and events: the rules they check as they are built, and their stored
 * form (every event back equal from its JSON with each of {@link EventSerializationTest}'s mappers, and its shape
 * pinned).
 */
class UnattributedContactsApiTest {

    static final Instant AT = Instant.parse("2025-03-04T10:15:30.123456789Z");
    static final RecordedBy SYSTEM = new RecordedBy(RecorderKind.SYSTEM, "agent-3", null);
    static final UnattributedContactDetails DETAILS = new UnattributedContactDetails(
            new SenderDetails(List.of(new Identity(IdentityKind.EMAIL, "Ada@Example.org"),
                    new Identity(IdentityKind.PHONE, "07700 900123")), "Ada L", LocalDate.of(1950, 5, 6), "so147ly"),
            new ContactNarrative("Fell at home", "visitor: hello\nagent: hi"));

    static RecordUnattributedContact record(ContactType type, Outcome outcome, Visibility visibility,
                                            Specialism specialism, List<String> candidates) {
        return new RecordUnattributedContact("c-1", Channel.PHONE, type, null, AT, SYSTEM, outcome, visibility,
                specialism, candidates, "demo-telephony", DETAILS);
    }

    @Test
    void an_unattributed_contact_cannot_be_a_service_request() {
        assertRefused("type", () -> record(ContactType.SERVICE_REQUEST, null, Visibility.STAFF_ONLY, null, null));
        assertRefused("outcome", () -> record(ContactType.ENQUIRY, Outcome.SERVICE_REQUEST_RAISED, Visibility.STAFF_ONLY, null, null));
    }

    @Test
    void without_a_direction_it_is_inbound_and_without_candidates_it_has_none() {
        RecordUnattributedContact contact = record(ContactType.ENQUIRY, null, Visibility.STAFF_ONLY, null, null);

        assertThat(contact.direction()).isEqualTo(Direction.INBOUND);
        assertThat(contact.candidateCustomerIds()).isEmpty();
    }

    @Test
    void a_restricted_one_needs_a_specialism() {
        assertRefused("specialism", () -> record(ContactType.REFERRAL, null, Visibility.RESTRICTED, null, null));
    }

    @Test
    void candidates_must_be_ids() {
        assertRefused("candidateCustomerIds", () -> record(ContactType.ENQUIRY, null, Visibility.STAFF_ONLY, null,
                List.of("not an id")));
        assertRefused("candidateCustomerIds", () -> record(ContactType.ENQUIRY, null, Visibility.STAFF_ONLY, null,
                Arrays.asList("cust-1", null)));
    }

    @Test
    void the_sender_is_normalised_and_may_be_unknown() {
        assertThat(DETAILS.sender().identities()).containsExactly(
                new Identity(IdentityKind.EMAIL, "ada@example.org"), new Identity(IdentityKind.PHONE, "+447700900123"));
        assertThat(DETAILS.sender().postcode()).isEqualTo("SO14 7LY");
        assertThat(new UnattributedContactDetails(null, new ContactNarrative("hi")).sender()).isEqualTo(SenderDetails.unknown());
        assertRefused("sender.dateOfBirth", () -> new SenderDetails(null, null, LocalDate.of(1850, 1, 1), null));
        assertRefused("sender.postcode", () -> new SenderDetails(null, null, null, "nowhere"));
    }

    static Stream<Arguments> missingAField() {
        return Stream.of(
                arguments("contactId", (ThrowingCallable) () -> new RecordUnattributedContact(null, Channel.PHONE,
                        ContactType.ENQUIRY, null, AT, SYSTEM, null, Visibility.STAFF_ONLY, null, null, null, DETAILS)),
                arguments("channel", (ThrowingCallable) () -> new RecordUnattributedContact("c-1", null,
                        ContactType.ENQUIRY, null, AT, SYSTEM, null, Visibility.STAFF_ONLY, null, null, null, DETAILS)),
                arguments("type", (ThrowingCallable) () -> new RecordUnattributedContact("c-1", Channel.PHONE,
                        null, null, AT, SYSTEM, null, Visibility.STAFF_ONLY, null, null, null, DETAILS)),
                arguments("recordedBy", (ThrowingCallable) () -> new RecordUnattributedContact("c-1", Channel.PHONE,
                        ContactType.ENQUIRY, null, AT, null, null, Visibility.STAFF_ONLY, null, null, null, DETAILS)),
                arguments("visibility", (ThrowingCallable) () -> new RecordUnattributedContact("c-1", Channel.PHONE,
                        ContactType.ENQUIRY, null, AT, SYSTEM, null, null, null, null, null, DETAILS)),
                arguments("personal", (ThrowingCallable) () -> new RecordUnattributedContact("c-1", Channel.PHONE,
                        ContactType.ENQUIRY, null, AT, SYSTEM, null, Visibility.STAFF_ONLY, null, null, null, null)),
                arguments("narrative", (ThrowingCallable) () -> new UnattributedContactDetails(SenderDetails.unknown(), null)),
                arguments("contactId", (ThrowingCallable) () -> new AttachUnattributedContact("a b", "cust-1", "agent-7")),
                arguments("customerId", (ThrowingCallable) () -> new AttachUnattributedContact("c-1", null, "agent-7")),
                arguments("attachedBy", (ThrowingCallable) () -> new AttachUnattributedContact("c-1", "cust-1", " ")),
                arguments("reason", (ThrowingCallable) () -> new CloseUnattributedContact("c-1", null, "agent-7")),
                arguments("reason", (ThrowingCallable) () -> new CloseUnattributedContact("c-1", "x".repeat(201), "agent-7")),
                arguments("closedBy", (ThrowingCallable) () -> new CloseUnattributedContact("c-1", "Spam", null)),
                arguments("queue", (ThrowingCallable) () -> new FetchTriageQueue(null, Viewer.agent("a"), 0, 20)),
                arguments("page", (ThrowingCallable) () -> new FetchTriageQueue(TriageQueue.SOCIAL_TRIAGE, Viewer.agent("a"), -1, 20)),
                arguments("size", (ThrowingCallable) () -> new FetchTriageQueue(TriageQueue.SOCIAL_TRIAGE, Viewer.agent("a"), 0, 101)),
                arguments("contactId", (ThrowingCallable) () -> new FetchUnattributedContact(null, Viewer.agent("a"), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingAField")
    void a_command_or_query_missing_or_breaking_a_field_is_refused(String field, ThrowingCallable building) {
        assertRefused(field, building);
    }

    @Test
    void a_transcript_is_optional_and_a_blank_one_is_none() {
        assertThat(new ContactNarrative("Chat", " \n").transcript()).isNull();
        assertThat(new ContactNarrative("Chat")).isEqualTo(new ContactNarrative("Chat", null));
    }

    @Test
    void a_transcript_of_100_kb_is_accepted_and_a_byte_more_refused_counting_bytes_not_characters() {
        assertThat(new ContactNarrative("Chat", "x".repeat(Limits.TRANSCRIPT)).transcript()).hasSize(102_400);
        assertRefused("transcript", () -> new ContactNarrative("Chat", "x".repeat(Limits.TRANSCRIPT + 1)));
        assertRefused("transcript", () -> new ContactNarrative("Chat", "é".repeat(Limits.TRANSCRIPT / 2 + 1)));
    }

    @Test
    void without_a_transcript_a_narrative_reads_as_it_did_before_transcripts_so_old_fingerprints_still_match() {
        assertThat(new ContactNarrative("Asked about bins")).hasToString("ContactNarrative[summary=Asked about bins]");
        assertThat(new ContactNarrative("Chat", "hello")).hasToString("ContactNarrative[summary=Chat, transcript=hello]");
    }

    // --- stored form

    static final UnattributedContactRecorded FULL_RECORDED = new UnattributedContactRecorded("c-1",
            TriageQueue.UNATTRIBUTED_CONTACTS, Channel.PARTNER_REFERRAL, ContactType.REFERRAL, Direction.INBOUND, AT,
            SYSTEM, Outcome.TRANSFERRED_TO_SPECIALIST, Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING,
            List.of("cust-1", "cust-2"), "demo-partner-referrals", DETAILS);

    static List<Object> events() {
        return List.of(
                FULL_RECORDED,
                new UnattributedContactRecorded("social-1", TriageQueue.SOCIAL_TRIAGE, Channel.SOCIAL,
                        ContactType.SOCIAL_MENTION, Direction.INBOUND, AT, new RecordedBy(RecorderKind.SYSTEM, null, null),
                        null, Visibility.STAFF_ONLY, null, List.of(), null,
                        new UnattributedContactDetails(null, new ContactNarrative("Bins again"))),
                new UnattributedContactAttached("c-1", "cust-1", "agent-7", Channel.WEBCHAT, ContactType.ENQUIRY,
                        Direction.INBOUND, AT, SYSTEM, Outcome.RESOLVED_FIRST_CONTACT, Visibility.RESIDENT_VISIBLE, null,
                        new ContactNarrative("Chat", "visitor: hi")),
                new UnattributedContactClosed("c-1", "Spam", "agent-7"),
                new ContactRecorded("cust-1", "c-1", Channel.WEBCHAT, ContactType.ENQUIRY, Direction.INBOUND, AT,
                        SYSTEM, null, Visibility.RESIDENT_VISIBLE, null, new ContactNarrative("Chat", "visitor: hi")));
    }

    static Stream<Arguments> eventsAndMappers() {
        return Stream.of(EventSerializationTest.numericDates(), EventSerializationTest.isoDates(),
                        EventSerializationTest.storedFormat())
                .flatMap(mapper -> events().stream().map(event -> arguments(event, mapper)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsAndMappers")
    void every_event_comes_back_equal_from_its_json(Object event, ObjectMapper mapper) throws Exception {
        assertThat(mapper.readValue(mapper.writeValueAsString(event), event.getClass())).isEqualTo(event);
    }

    @Test
    void the_stored_shape_of_an_unattributed_contact_is_stable() throws Exception {
        ObjectMapper mapper = EventSerializationTest.storedFormat();
        String expected = """
                {"contactId":"c-1","queue":"UNATTRIBUTED_CONTACTS","channel":"PARTNER_REFERRAL","type":"REFERRAL",
                 "direction":"INBOUND","occurredAt":"2025-03-04T10:15:30.123456789Z",
                 "recordedBy":{"kind":"SYSTEM","agentId":"agent-3","accessPoint":null},
                 "outcome":"TRANSFERRED_TO_SPECIALIST","visibility":"RESTRICTED","specialism":"ADULTS_SAFEGUARDING",
                 "candidateCustomerIds":["cust-1","cust-2"],"sourceSystem":"demo-partner-referrals",
                 "personal":{"sender":{"identities":[{"kind":"EMAIL","value":"ada@example.org"},
                                                     {"kind":"PHONE","value":"+447700900123"}],
                                       "name":"Ada L","dateOfBirth":"1950-05-06","postcode":"SO14 7LY"},
                             "narrative":{"summary":"Fell at home","transcript":"visitor: hello\\nagent: hi"}}}
                """;

        JsonNode written = mapper.readTree(mapper.writeValueAsString(FULL_RECORDED));

        assertThat(written).isEqualTo(mapper.readTree(expected));
        assertThat(mapper.readValue(expected, UnattributedContactRecorded.class)).isEqualTo(FULL_RECORDED);
    }

    @Test
    void a_contact_without_a_transcript_keeps_its_stored_shape_and_an_old_one_reads_back() throws Exception {
        ObjectMapper mapper = EventSerializationTest.storedFormat();

        assertThat(mapper.writeValueAsString(new ContactNarrative("Hello"))).isEqualTo("{\"summary\":\"Hello\"}");
        assertThat(mapper.readValue("{\"summary\":\"Hello\"}", ContactNarrative.class)).isEqualTo(new ContactNarrative("Hello"));
    }
}
