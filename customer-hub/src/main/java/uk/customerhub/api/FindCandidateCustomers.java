package uk.customerhub.api;

import java.time.LocalDate;

/**
 * Staff looking for records that may be the same person as the one before them (to avoid a duplicate registration
 * or to merge later). Every part is optional, but a search needs an e-mail or a phone, or at least two of family
 * name, date of birth and postcode (the given name only adds to a candidate's score). Residents get no candidates.
 */
public record FindCandidateCustomers(String givenName, String familyName, LocalDate dateOfBirth, String postcode,
                                     String email, String phone, Viewer viewer) {
    public FindCandidateCustomers {
        givenName = Require.optionalText("givenName", givenName, Limits.SHORT_TEXT);
        familyName = Require.optionalText("familyName", familyName, Limits.SHORT_TEXT);
        postcode = Postcodes.normalise("postcode", postcode);
        email = email == null || email.isBlank() ? null : Identity.normalise(IdentityKind.EMAIL, "email", email);
        phone = phone == null || phone.isBlank() ? null : Identity.normalise(IdentityKind.PHONE, "phone", phone);
        Require.present("viewer", viewer);
        int located = (familyName == null ? 0 : 1) + (dateOfBirth == null ? 0 : 1) + (postcode == null ? 0 : 1);
        if (email == null && phone == null && located < 2) {
            throw new InvalidInputException("familyName",
                    "give an email or phone, or at least two of familyName, dateOfBirth and postcode");
        }
    }
}
