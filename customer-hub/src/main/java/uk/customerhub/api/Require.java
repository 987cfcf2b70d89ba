package uk.customerhub.api;

import java.util.Collection;
import java.util.regex.Pattern;

/** Checks used by the records of this package to refuse invalid content as they are built. */
public final class Require {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private Require() {
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    /** A required identifier: letters, digits and {@code . _ : -}, at most {@link Limits#ID} characters. */
    public static String id(String field, String value) {
        present(field, value);
        if (value.length() > Limits.ID || !ID.matcher(value).matches()) {
            throw new InvalidInputException(field,
                    "must be 1-" + Limits.ID + " letters, digits or . _ : - starting with a letter or digit");
        }
        return value;
    }

    /** A required, non-blank text of at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        present(field, value);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return optionalText(field, value, max);
    }

    /** An optional text of at most {@code max} characters once stripped of surrounding white space; blank becomes absent. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    public static <C extends Collection<?>> C atMost(String field, C values, int max) {
        if (values != null && values.size() > max) {
            throw new InvalidInputException(field, "must have at most " + max + " entries");
        }
        return values;
    }
}
