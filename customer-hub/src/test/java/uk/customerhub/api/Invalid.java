package uk.customerhub.api;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Assertions that a value is refused with an {@link InvalidInputException} naming the offending field. */
final class Invalid {
    private Invalid() {
    }

    static void assertRefused(String field, ThrowingCallable building) {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(building)
                .satisfies(e -> assertThat(e.field()).as("the field named by " + e.getMessage()).isEqualTo(field));
    }
}
