package uk.customerhub.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.customerhub.api.Invalid.assertRefused;

/** The rules of the value types that make up the customer's record. */
class ValueTypesTest {

    static final Address HOME = new Address(List.of("1 High Street"), "Southampton", "SO14 7LY", "100012345678");
    static final CustomerProfile ADA = new CustomerProfile(new Name("Ada", "Lovelace"), LocalDate.of(1990, 1, 2),
            new ContactDetails("ada@example.org", "07700 900123"), HOME);

    // --- ServiceRequestDetails

    @Test
    void service_request_attributes_are_kept_sorted_by_code() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("size", "large");
        given.put("hazard", "no");
        given.put("access", "rear lane");

        ServiceRequestDetails details = new ServiceRequestDetails("A mattress", given, null);

        assertThat(details.attributes().keySet()).containsExactly("access", "hazard", "size");
        assertThat(details.attributes()).isEqualTo(Map.of("size", "large", "hazard", "no", "access", "rear lane"));
    }

    @Test
    void service_request_attributes_cannot_be_changed_afterwards() {
        Map<String, String> given = new HashMap<>(Map.of("size", "large"));
        ServiceRequestDetails details = new ServiceRequestDetails("A mattress", given, null);

        given.put("hazard", "yes");
        assertThat(details.attributes()).containsOnlyKeys("size");
        assertThatThrownBy(() -> details.attributes().put("hazard", "yes"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void no_attributes_are_an_empty_map() {
        assertThat(new ServiceRequestDetails("A pothole", null, null).attributes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "-size", "size/1"})
    void an_attribute_code_is_an_identifier(String code) {
        assertRefused("attributes", () -> new ServiceRequestDetails("A pothole", Map.of(code, "yes"), null));
    }

    @Test
    void an_attribute_needs_an_answer() {
        assertRefused("attributes.size", () -> new ServiceRequestDetails("A pothole", Map.of("size", " "), null));
        Map<String, String> unanswered = new HashMap<>();
        unanswered.put("size", null);
        assertRefused("attributes.size", () -> new ServiceRequestDetails("A pothole", unanswered, null));
    }

    @Test
    void a_service_request_needs_a_description() {
        assertRefused("description", () -> new ServiceRequestDetails(null, null, null));
        assertRefused("description", () -> new ServiceRequestDetails("  ", null, null));
    }

    // --- ServiceLocation

    @Test
    void a_location_is_a_point_a_description_a_uprn_or_a_postcode() {
        assertThatCode(() -> new ServiceLocation(50.9, -1.4, null, null, null)).doesNotThrowAnyException();
        assertThatCode(() -> new ServiceLocation(null, null, "Outside the library", null, null)).doesNotThrowAnyException();
        assertThatCode(() -> new ServiceLocation(null, null, null, "100012345678", null)).doesNotThrowAnyException();
        assertThatCode(() -> new ServiceLocation(null, null, null, null, "SO14 7LY")).doesNotThrowAnyException();
        assertRefused("location", () -> new ServiceLocation(null, null, " ", null, null));
    }

    @Test
    void a_point_needs_both_latitude_and_longitude() {
        assertRefused("location", () -> new ServiceLocation(50.9, null, "here", null, null));
        assertRefused("location", () -> new ServiceLocation(null, -1.4, "here", null, null));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-90.0001, 90.0001, Double.NaN, Double.POSITIVE_INFINITY})
    void a_latitude_is_between_minus_and_plus_90(double latitude) {
        assertRefused("location.latitude", () -> new ServiceLocation(latitude, 0.0, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-180.0001, 180.0001, Double.NaN, Double.NEGATIVE_INFINITY})
    void a_longitude_is_between_minus_and_plus_180(double longitude) {
        assertRefused("location.longitude", () -> new ServiceLocation(0.0, longitude, null, null, null));
    }

    @Test
    void the_edges_of_the_map_are_on_it() {
        assertThatCode(() -> new ServiceLocation(-90.0, -180.0, null, null, null)).doesNotThrowAnyException();
        assertThatCode(() -> new ServiceLocation(90.0, 180.0, null, null, null)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "12 34", "1234567890123"})
    void a_uprn_is_up_to_twelve_digits(String uprn) {
        assertRefused("location.uprn", () -> new ServiceLocation(null, null, null, uprn, null));
        assertRefused("address.uprn", () -> new Address(null, null, null, uprn));
    }

    // --- Address

    @Test
    void blank_address_lines_are_dropped_and_the_others_stripped() {
        Address address = new Address(Arrays.asList(" 1 High Street ", " ", null, "Portswood"), null, null, null);
        assertThat(address.lines()).containsExactly("1 High Street", "Portswood");
        assertThat(new Address(null, null, null, null).lines()).isEmpty();
    }

    // --- CustomerProfile

    @Test
    void an_empty_profile_has_an_empty_name_and_no_contact_details() {
        CustomerProfile empty = CustomerProfile.empty();
        assertThat(empty.name()).isEqualTo(new Name(null, null));
        assertThat(empty.contactDetails()).isEqualTo(ContactDetails.none());
        assertThat(empty.dateOfBirth()).isNull();
        assertThat(empty.address()).isNull();
        assertThat(new Name(" ", "")).isEqualTo(new Name(null, null));
    }

    @Test
    void a_date_of_birth_is_between_1900_and_today() {
        assertRefused("dateOfBirth", () -> new CustomerProfile(null, LocalDate.of(1899, 12, 31), null, null));
        assertRefused("dateOfBirth", () -> new CustomerProfile(null, LocalDate.now().plusDays(2), null, null));
        assertThatCode(() -> new CustomerProfile(null, LocalDate.of(1900, 1, 1), null, null)).doesNotThrowAnyException();
        assertThatCode(() -> new CustomerProfile(null, LocalDate.now(), null, null)).doesNotThrowAnyException();
    }

    @Test
    void an_empty_change_keeps_the_whole_profile() {
        assertThat(ADA.updatedWith(CustomerProfile.empty())).isEqualTo(ADA);
    }

    @Test
    void each_part_given_in_a_change_replaces_ours_and_only_that_part() {
        Address moved = new Address(List.of("2 Civic Centre Road"), "Southampton", "SO14 7LY", null);

        assertThat(ADA.updatedWith(new CustomerProfile(new Name("Augusta", null), null, null, null)))
                .isEqualTo(new CustomerProfile(new Name("Augusta", "Lovelace"), ADA.dateOfBirth(), ADA.contactDetails(), HOME));
        assertThat(ADA.updatedWith(new CustomerProfile(new Name(null, "King"), null, null, null)))
                .isEqualTo(new CustomerProfile(new Name("Ada", "King"), ADA.dateOfBirth(), ADA.contactDetails(), HOME));
        assertThat(ADA.updatedWith(new CustomerProfile(null, LocalDate.of(1991, 2, 3), null, null)))
                .isEqualTo(new CustomerProfile(ADA.name(), LocalDate.of(1991, 2, 3), ADA.contactDetails(), HOME));
        assertThat(ADA.updatedWith(new CustomerProfile(null, null, new ContactDetails("ada@king.org", null), null)))
                .isEqualTo(new CustomerProfile(ADA.name(), ADA.dateOfBirth(),
                        new ContactDetails("ada@king.org", "+447700900123"), HOME));
        assertThat(ADA.updatedWith(new CustomerProfile(null, null, new ContactDetails(null, "023 8083 3000"), null)))
                .isEqualTo(new CustomerProfile(ADA.name(), ADA.dateOfBirth(),
                        new ContactDetails("ada@example.org", "+442380833000"), HOME));
        assertThat(ADA.updatedWith(new CustomerProfile(null, null, null, moved)))
                .isEqualTo(new CustomerProfile(ADA.name(), ADA.dateOfBirth(), ADA.contactDetails(), moved));
    }

    @Test
    void a_change_completes_an_empty_profile() {
        assertThat(CustomerProfile.empty().updatedWith(ADA)).isEqualTo(ADA);
    }

    // --- Receipt

    @Test
    void a_receipt_of_a_customer_write_names_no_contact_or_request() {
        assertThat(Receipt.of("cust-1", 3)).isEqualTo(new Receipt("cust-1", null, null, 3));
    }

    // --- Viewer

    @Test
    void a_resident_sees_only_entries_visible_to_residents() {
        Viewer resident = Viewer.resident("urn:fdc:gov.uk:2022:abc");
        assertThat(resident.isResident()).isTrue();
        assertThat(resident.maySee(Visibility.RESIDENT_VISIBLE, null)).isTrue();
        assertThat(resident.maySee(Visibility.STAFF_ONLY, null)).isFalse();
        assertThat(resident.maySee(Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"AGENT", "ADMIN"})
    void agents_and_admins_see_staff_entries_but_not_restricted_ones(Role role) {
        Viewer staff = new Viewer(role, "someone", Set.of(Specialism.ADULTS_SAFEGUARDING), null);
        assertThat(staff.isResident()).isFalse();
        assertThat(staff.maySee(Visibility.RESIDENT_VISIBLE, null)).isTrue();
        assertThat(staff.maySee(Visibility.STAFF_ONLY, null)).isTrue();
        assertThat(staff.maySee(Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING)).isFalse();
    }

    @Test
    void a_specialist_sees_restricted_entries_of_their_own_specialism_only() {
        Viewer specialist = new Viewer(Role.SPECIALIST, "sw-1", Set.of(Specialism.CHILDRENS_SAFEGUARDING), null);
        assertThat(specialist.maySee(Visibility.STAFF_ONLY, null)).isTrue();
        assertThat(specialist.maySee(Visibility.RESTRICTED, Specialism.CHILDRENS_SAFEGUARDING)).isTrue();
        assertThat(specialist.maySee(Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING)).isFalse();
        assertThat(new Viewer(Role.SPECIALIST, "sw-2", null, null)
                .maySee(Visibility.RESTRICTED, Specialism.CHILDRENS_SAFEGUARDING)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"PROVIDER", "CHANNEL", "ANALYST"})
    void machines_partners_and_analysts_see_no_staff_entries(Role role) {
        Viewer viewer = new Viewer(role, "client-1", null, null);
        assertThat(viewer.maySee(Visibility.RESIDENT_VISIBLE, null)).isTrue();
        assertThat(viewer.maySee(Visibility.STAFF_ONLY, null)).isFalse();
        assertThat(viewer.maySee(Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING)).isFalse();
    }

    @Test
    void a_viewer_needs_a_role_and_a_subject_and_belongs_to_the_council_by_default() {
        assertRefused("role", () -> new Viewer(null, "someone", null, null));
        assertRefused("subject", () -> new Viewer(Role.AGENT, null, null, null));
        assertThat(Viewer.agent("agent-1").organisation()).isEqualTo(Provenance.DEFAULT_ORGANISATION);
        assertThat(new Viewer(Role.PROVIDER, "p-1", null, "veolia").organisation()).isEqualTo("veolia");
    }
}
