package uk.customerhub.channels.referral;

import java.time.LocalDate;

/**
 * The person a partner refers, as the partner knows them (NHS-style demographics): name, date of birth, postcode,
 * e-mail and phone. The e-mail and phone are matched against customers; the rest helps staff attach the referral
 * when they do not match exactly one.
 */
public record ReferredPerson(String givenName, String familyName, LocalDate dateOfBirth, String postcode,
                             String email, String phone) {
}
