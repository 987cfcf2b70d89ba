package uk.customerhub.api;

import java.util.List;

/**
 * A postal address. The UPRN (Unique Property Reference Number) identifies the property; an address is never an
 * identity of a customer (a household shares it).
 */
public record Address(List<String> lines, String town, String postcode, String uprn) {
    public Address {
        Require.atMost("address.lines", lines, Limits.ADDRESS_LINES);
        lines = lines == null ? List.of() : lines.stream()
                .map(line -> Require.optionalText("address.lines", line, Limits.ADDRESS_LINE))
                .filter(line -> line != null)
                .toList();
        town = Require.optionalText("address.town", town, Limits.SHORT_TEXT);
        postcode = Postcodes.normalise("address.postcode", postcode);
        uprn = Require.optionalText("address.uprn", uprn, 12);
        if (uprn != null && !uprn.matches("[0-9]{1,12}")) {
            throw new InvalidInputException("address.uprn", "must be up to 12 digits");
        }
    }
}
