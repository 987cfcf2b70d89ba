package uk.customerhub.api;

import java.util.Locale;
import java.util.regex.Pattern;

/** UK postcodes in their canonical written form: upper case, one space before the inward code ("SO14 7LY"). */
public final class Postcodes {
    private static final Pattern UK_POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");

    private Postcodes() {
    }

    public static String normalise(String field, String raw) {
        String value = Require.optionalText(field, raw, 10);
        if (value == null) {
            return null;
        }
        String compact = value.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        if (!UK_POSTCODE.matcher(compact).matches()) {
            throw new InvalidInputException(field, "is not a UK postcode");
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }
}
