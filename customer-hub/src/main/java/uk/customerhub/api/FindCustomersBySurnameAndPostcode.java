package uk.customerhub.api;

import java.util.Locale;

/** Customers with this family name (case-insensitive) at an address with this postcode. */
public record FindCustomersBySurnameAndPostcode(String surname, String postcode, Viewer viewer) {
    public FindCustomersBySurnameAndPostcode {
        surname = Require.text("surname", surname, Limits.SHORT_TEXT).toLowerCase(Locale.ROOT);
        postcode = Require.present("postcode", Postcodes.normalise("postcode", postcode));
        Require.present("viewer", viewer);
    }
}
