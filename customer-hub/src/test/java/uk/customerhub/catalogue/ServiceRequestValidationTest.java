package uk.customerhub.catalogue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.ServiceLocation;
import uk.customerhub.api.ServiceRequestDetails;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Answers of a service request checked against the service's definition (fly-tipping, version 2, in {@link TestCatalogue}). */
class ServiceRequestValidationTest {
    private static final ServiceLocation WHERE = new ServiceLocation(null, null, "Behind the shops", null, "SO14 7LY");

    private static ServiceRequestDetails answers(Map<String, String> attributes) {
        return new ServiceRequestDetails("A mattress dumped", attributes, WHERE);
    }

    @Test
    void answers_of_every_type_that_fit_their_questions_are_accepted() {
        assertThatCode(() -> ServiceRequestValidation.check(TestCatalogue.FLY_TIPPING, answers(Map.of(
                "size", "large", "hazard", "no", "waste_types", "furniture, tyres", "bags", "3.5",
                "seen_at", "2026-03-02T09:00:00Z", "vehicle", "AB12 CDE"))))
                .doesNotThrowAnyException();
    }

    @Test
    void only_the_required_questions_need_answers() {
        assertThatCode(() -> ServiceRequestValidation.check(TestCatalogue.FLY_TIPPING, answers(Map.of("size", "small"))))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                arguments(Map.of(), "attributes.size", "is required by service fly-tipping"),
                arguments(Map.of("size", "huge"), "attributes.size", "must be one of small, large"),
                arguments(Map.of("size", "small", "colour", "red"), "attributes.colour", "is not a question of service fly-tipping"),
                arguments(Map.of("size", "small", "warning", "ok"), "attributes.warning", "is information only"),
                arguments(Map.of("size", "small", "bags", "three"), "attributes.bags", "must be a number"),
                arguments(Map.of("size", "small", "seen_at", "yesterday"), "attributes.seen_at", "must be a date and time"),
                arguments(Map.of("size", "small", "seen_at", "2026-03-02T09:00:00"), "attributes.seen_at", "must be a date and time"),
                arguments(Map.of("size", "small", "vehicle", "AB12\nCDE"), "attributes.vehicle", "must be on one line"),
                arguments(Map.of("size", "small", "waste_types", "furniture,piano"), "attributes.waste_types", "must be one or more of"),
                arguments(Map.of("size", "small", "waste_types", "tyres,tyres"), "attributes.waste_types", "names tyres twice"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("wrongAnswers")
    void a_wrong_answer_is_invalid_input_naming_the_attribute(Map<String, String> attributes, String field, String message) {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> ServiceRequestValidation.check(TestCatalogue.FLY_TIPPING, answers(attributes)));

        assertThat(invalid).isNotNull();
        assertThat(invalid.field()).isEqualTo(field);
        assertThat(invalid.getMessage()).contains(message);
    }

    @Test
    void a_request_is_checked_against_the_version_it_is_given() {
        assertThatCode(() -> ServiceRequestValidation.check(TestCatalogue.FLY_TIPPING_V1, answers(Map.of("size", "small"))))
                .doesNotThrowAnyException();
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> ServiceRequestValidation.check(
                TestCatalogue.FLY_TIPPING_V1, answers(Map.of("size", "small", "hazard", "no")))).field())
                .isEqualTo("attributes.hazard");
    }
}
