package uk.customerhub.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.api.Invalid.assertRefused;

class IdentityTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "07700 900123", "+44 (0)7700 900123", "0044 7700 900123", "+447700900123", "447700900123",
            "07700-900-123", "(07700) 900.123", " 07700900123 ", "+44 7700 900123"})
    void uk_mobile_numbers_in_any_common_writing_become_e164(String written) {
        assertThat(new Identity(IdentityKind.PHONE, written).value()).isEqualTo("+447700900123");
    }

    @Test
    void a_uk_landline_becomes_e164() {
        assertThat(new Identity(IdentityKind.PHONE, "023 8083 3000").value()).isEqualTo("+442380833000");
    }

    @Test
    void an_international_number_keeps_its_country_code() {
        assertThat(new Identity(IdentityKind.PHONE, "+1 (202) 555-0143").value()).isEqualTo("+12025550143");
        assertThat(new Identity(IdentityKind.PHONE, "00353 1 234 5678").value()).isEqualTo("+35312345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a phone", "0770", "+44 7700 900123 ext 4", "07700 9OO123", "+0 7700 900123",
            "+44770090012345678"})
    void what_is_not_a_phone_number_is_refused(String written) {
        assertRefused("identity.value", () -> new Identity(IdentityKind.PHONE, written));
    }

    @Test
    void an_email_address_is_lower_cased_and_stripped() {
        assertThat(new Identity(IdentityKind.EMAIL, " Ada.Lovelace@Example.ORG ").value())
                .isEqualTo("ada.lovelace@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.org", "ada@example", "ada lovelace@example.org",
            "ada@lovelace@example.org"})
    void what_is_not_an_email_address_is_refused(String written) {
        assertRefused("identity.value", () -> new Identity(IdentityKind.EMAIL, written));
    }

    @Test
    void a_social_handle_is_lower_cased_without_its_at_sign() {
        assertThat(new Identity(IdentityKind.SOCIAL_HANDLE, "X:@Someone").value()).isEqualTo("x:someone");
        // Facebook ignores the dots in a username (SocialHandles); a stored handle it would refuse still loads
        assertThat(new Identity(IdentityKind.SOCIAL_HANDLE, "facebook:Some.One_2").value())
                .isEqualTo("facebook:someone_2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"someone", "@someone", "x:", ":someone", "x:some one", "x:some:one", "x@someone"})
    void what_is_not_platform_colon_handle_is_refused(String written) {
        assertRefused("identity.value", () -> new Identity(IdentityKind.SOCIAL_HANDLE, written));
    }

    @Test
    void a_digital_id_subject_is_kept_as_issued_but_stripped() {
        assertThat(new Identity(IdentityKind.DIGITAL_ID, " urn:fdc:gov.uk:2022:AbC-123 ").value())
                .isEqualTo("urn:fdc:gov.uk:2022:AbC-123");
    }

    @Test
    void an_identity_needs_a_kind() {
        assertRefused("identity.kind", () -> new Identity(null, "ada@example.org"));
    }

    @ParameterizedTest
    @EnumSource(IdentityKind.class)
    void an_identity_needs_a_value(IdentityKind kind) {
        assertRefused("identity.value", () -> new Identity(kind, null));
        assertRefused("identity.value", () -> new Identity(kind, "  "));
    }

    @Test
    void normalising_a_normalised_value_changes_nothing() {
        for (Identity identity : new Identity[]{
                new Identity(IdentityKind.PHONE, "+44 (0)7700 900123"),
                new Identity(IdentityKind.EMAIL, "Ada@Example.org"),
                new Identity(IdentityKind.SOCIAL_HANDLE, "X:@Someone"),
                new Identity(IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:abc")}) {
            assertThat(new Identity(identity.kind(), identity.value())).isEqualTo(identity);
        }
    }

    @Test
    void identities_written_differently_are_the_same_identity() {
        assertThat(new Identity(IdentityKind.PHONE, "07700 900123"))
                .isEqualTo(new Identity(IdentityKind.PHONE, "0044 7700 900123"));
        assertThat(new Identity(IdentityKind.EMAIL, "ADA@example.org"))
                .isEqualTo(new Identity(IdentityKind.EMAIL, "ada@EXAMPLE.org"));
    }

    @Test
    void only_a_digital_id_and_a_social_handle_belong_to_one_customer() {
        assertThat(IdentityKind.DIGITAL_ID.exclusive()).isTrue();
        assertThat(IdentityKind.SOCIAL_HANDLE.exclusive()).isTrue();
        assertThat(IdentityKind.EMAIL.exclusive()).isFalse();
        assertThat(IdentityKind.PHONE.exclusive()).isFalse();
    }

    @Test
    void contact_details_are_normalised_and_name_their_own_fields() {
        ContactDetails details = new ContactDetails("Ada@Example.org", "07700 900123");
        assertThat(details.email()).isEqualTo("ada@example.org");
        assertThat(details.phone()).isEqualTo("+447700900123");

        assertRefused("contactDetails.email", () -> new ContactDetails("ada", null));
        assertRefused("contactDetails.phone", () -> new ContactDetails(null, "0770"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void absent_contact_details_are_null(String absent) {
        assertThat(new ContactDetails(absent, absent)).isEqualTo(ContactDetails.none());
        assertThat(ContactDetails.none().email()).isNull();
        assertThat(ContactDetails.none().phone()).isNull();
    }
}
