package uk.customerhub.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.api.Invalid.assertRefused;

class PostcodesTest {

    @ParameterizedTest
    @CsvSource({
            "so147ly, SO14 7LY",
            "SO14 7LY, SO14 7LY",
            "' so14   7ly ', SO14 7LY",
            "m11ae, M1 1AE",
            "b338th, B33 8TH",
            "cr2 6xh, CR2 6XH",
            "dn551pt, DN55 1PT",
            "w1a0ax, W1A 0AX",
            "ec1a 1bb, EC1A 1BB"})
    void a_postcode_is_written_in_capitals_with_one_space_before_the_inward_code(String written, String canonical) {
        assertThat(Postcodes.normalise("postcode", written)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SO14", "12345", "SO14 7L1", "ZZZ 999", "SO14 7LYX", "1SO4 7LY", "SO-14 7LY", "S014 7LY1"})
    void what_is_not_a_uk_postcode_is_refused_naming_the_field(String written) {
        assertRefused("address.postcode", () -> Postcodes.normalise("address.postcode", written));
    }

    @Test
    void a_postcode_past_ten_characters_is_refused() {
        assertThat(Postcodes.normalise("postcode", "SO14   7LY")).isEqualTo("SO14 7LY");
        assertRefused("postcode", () -> Postcodes.normalise("postcode", "SO14    7LY"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void an_absent_postcode_is_null(String absent) {
        assertThat(Postcodes.normalise("postcode", absent)).isNull();
    }

    @Test
    void the_records_that_hold_a_postcode_normalise_it_and_name_their_field() {
        assertThat(new Address(null, null, "so147ly", null).postcode()).isEqualTo("SO14 7LY");
        assertThat(new ServiceLocation(null, null, null, null, "so147ly").postcode()).isEqualTo("SO14 7LY");
        assertRefused("address.postcode", () -> new Address(null, null, "nowhere", null));
        assertRefused("location.postcode", () -> new ServiceLocation(null, null, "here", null, "nowhere"));
    }
}
