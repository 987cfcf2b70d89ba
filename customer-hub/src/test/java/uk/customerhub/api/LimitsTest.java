package uk.customerhub.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static uk.customerhub.api.Invalid.assertRefused;

/**
 * Every limit of {@link Limits} (and the few limits written inline) is enforced at its boundary: a value of exactly
 * the limit is accepted, one more is refused naming the field.
 */
class LimitsTest {

    static final Instant AT = Instant.parse("2025-03-04T10:15:30Z");
    static final Viewer AGENT = Viewer.agent("agent-1");

    /** One limited field: the {@link Limits} constant it uses (or null when inline), its size and a builder of a valid value of a given size. */
    record Limited(String field, String limitsConstant, int limit, IntFunction<Object> building) {
        @Override
        public String toString() {
            return field + " <= " + limit;
        }
    }

    static String text(int length) {
        return "x".repeat(length);
    }

    static String id(int length) {
        return "a".repeat(length);
    }

    static RecordContact contactWith(String customerId, String contactId) {
        return new RecordContact(customerId, contactId, Channel.WEB, ContactType.ENQUIRY, null, AT,
                RecordedBy.selfService(), null, Visibility.RESIDENT_VISIBLE, null, new ContactNarrative("hello"));
    }

    static RaiseServiceRequest requestWith(String customerId, String contactId, String serviceRequestId, String serviceCode) {
        return new RaiseServiceRequest(customerId, contactId, serviceRequestId, serviceCode, Channel.WEB, AT,
                RecordedBy.selfService(), Visibility.RESIDENT_VISIBLE, null,
                new ServiceRequestDetails("A pothole", null, null));
    }

    static Map<String, String> attributes(int count) {
        Map<String, String> attributes = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> attributes.put("q" + i, "yes"));
        return attributes;
    }

    static Stream<Limited> limits() {
        return Stream.of(
                // texts
                new Limited("summary", "SUMMARY", Limits.SUMMARY, n -> new ContactNarrative(text(n))),
                new Limited("description", "SUMMARY", Limits.SUMMARY, n -> new ServiceRequestDetails(text(n), null, null)),
                new Limited("givenName", "SHORT_TEXT", Limits.SHORT_TEXT, n -> new Name(text(n), null)),
                new Limited("familyName", "SHORT_TEXT", Limits.SHORT_TEXT, n -> new Name(null, text(n))),
                new Limited("address.town", "SHORT_TEXT", Limits.SHORT_TEXT, n -> new Address(null, text(n), null, null)),
                new Limited("recordedBy.agentId", "SHORT_TEXT", Limits.SHORT_TEXT,
                        n -> new RecordedBy(RecorderKind.ASSISTED, text(n), null)),
                new Limited("recordedBy.accessPoint", "SHORT_TEXT", Limits.SHORT_TEXT,
                        n -> new RecordedBy(RecorderKind.ASSISTED, "agent-1", text(n))),
                new Limited("location.description", "SHORT_TEXT", Limits.SHORT_TEXT,
                        n -> new ServiceLocation(null, null, text(n), null, null)),
                new Limited("surname", "SHORT_TEXT", Limits.SHORT_TEXT,
                        n -> new FindCustomersBySurnameAndPostcode(text(n), "SO14 7LY", AGENT)),
                new Limited("address.lines", "ADDRESS_LINE", Limits.ADDRESS_LINE,
                        n -> new Address(List.of(text(n)), null, null, null)),
                new Limited("attributes.q1", "ATTRIBUTE_VALUE", Limits.ATTRIBUTE_VALUE,
                        n -> new ServiceRequestDetails("d", Map.of("q1", text(n)), null)),
                new Limited("identity.value", "IDENTITY", Limits.IDENTITY,
                        n -> new Identity(IdentityKind.DIGITAL_ID, text(n))),
                new Limited("contactDetails.email", "IDENTITY", Limits.IDENTITY,
                        n -> new ContactDetails(text(n - "@example.org".length()) + "@example.org", null)),
                new Limited("address.uprn", null, 12, n -> new Address(null, null, null, "1".repeat(n))),
                new Limited("location.uprn", null, 12, n -> new ServiceLocation(null, null, null, "1".repeat(n), null)),
                // identifiers
                new Limited("customerId", "ID", Limits.ID,
                        n -> new RegisterCustomer(id(n), CustomerCategory.RESIDENT, null, null)),
                new Limited("customerId", "ID", Limits.ID, n -> new UpdateProfile(id(n), CustomerProfile.empty(), null)),
                new Limited("customerId", "ID", Limits.ID,
                        n -> new LinkIdentity(id(n), new Identity(IdentityKind.EMAIL, "a@example.org"))),
                new Limited("customerId", "ID", Limits.ID, n -> contactWith(id(n), "c-1")),
                new Limited("contactId", "ID", Limits.ID, n -> contactWith("cust-1", id(n))),
                new Limited("customerId", "ID", Limits.ID, n -> requestWith(id(n), "c-1", "sr-1", "pothole")),
                new Limited("contactId", "ID", Limits.ID, n -> requestWith("cust-1", id(n), "sr-1", "pothole")),
                new Limited("serviceRequestId", "ID", Limits.ID, n -> requestWith("cust-1", "c-1", id(n), "pothole")),
                new Limited("serviceCode", "ID", Limits.ID, n -> requestWith("cust-1", "c-1", "sr-1", id(n))),
                new Limited("attributes", "ID", Limits.ID, n -> new ServiceRequestDetails("d", Map.of(id(n), "yes"), null)),
                new Limited("customerId", "ID", Limits.ID, n -> new FetchCustomerView(id(n), AGENT, null)),
                new Limited("customerId", "ID", Limits.ID, n -> new FetchTimelinePage(id(n), AGENT, 0, 20, null)),
                // counts
                new Limited("address.lines", "ADDRESS_LINES", Limits.ADDRESS_LINES,
                        n -> new Address(Collections.nCopies(n, "a line"), null, null, null)),
                new Limited("attributes", "ATTRIBUTES", Limits.ATTRIBUTES,
                        n -> new ServiceRequestDetails("d", attributes(n), null)),
                new Limited("identities", "IDENTITIES", Limits.IDENTITIES,
                        n -> new RegisterCustomer("cust-1", CustomerCategory.RESIDENT, null, IntStream.range(0, n)
                                .mapToObj(i -> new Identity(IdentityKind.DIGITAL_ID, "subject-" + i)).toList())),
                new Limited("size", null, FetchTimelinePage.MAX_SIZE,
                        n -> new FetchTimelinePage("cust-1", AGENT, 0, n, null)),
                // unattributed contacts
                new Limited("transcript", "TRANSCRIPT", Limits.TRANSCRIPT, n -> new ContactNarrative("s", text(n))),
                new Limited("candidateCustomerIds", "CANDIDATES", Limits.CANDIDATES,
                        n -> new RecordUnattributedContact("c-1", Channel.PHONE, ContactType.ENQUIRY, null, AT,
                                RecordedBy.selfService(), null, Visibility.STAFF_ONLY, null,
                                IntStream.range(0, n).mapToObj(i -> "cust-" + i).toList(), null,
                                new UnattributedContactDetails(null, new ContactNarrative("hello")))),
                new Limited("size", null, FetchTriageQueue.MAX_SIZE,
                        n -> new FetchTriageQueue(TriageQueue.UNATTRIBUTED_CONTACTS, AGENT, 0, n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void a_value_at_the_limit_is_accepted(Limited limited) {
        assertThatCode(() -> limited.building().apply(limited.limit())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void a_value_past_the_limit_is_refused_naming_the_field(Limited limited) {
        assertRefused(limited.field(), () -> limited.building().apply(limited.limit() + 1));
    }

    @Test
    void a_summary_of_4000_characters_is_accepted_and_of_4001_refused() {
        assertThat(new ContactNarrative("s".repeat(4_000)).summary()).hasSize(4_000);
        assertRefused("summary", () -> new ContactNarrative("s".repeat(4_001)));
    }

    @Test
    void white_space_around_a_text_does_not_count_toward_its_limit() {
        assertThat(new ContactNarrative("  " + "s".repeat(4_000) + "\n").summary()).isEqualTo("s".repeat(4_000));
        assertThat(new Name(" " + text(Limits.SHORT_TEXT) + " ", null).givenName()).hasSize(Limits.SHORT_TEXT);
    }

    @Test
    void every_limit_is_tested() {
        Set<String> tested = limits().map(Limited::limitsConstant).collect(Collectors.toSet());
        Set<String> declared = Arrays.stream(Limits.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.toSet());
        assertThat(tested).containsAll(declared);
    }
}
