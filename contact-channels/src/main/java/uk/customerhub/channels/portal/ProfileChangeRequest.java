package uk.customerhub.channels.portal;

import uk.customerhub.api.Address;

import java.time.LocalDate;

/** Changes to a resident's own profile; absent fields are left as they are. */
public record ProfileChangeRequest(String givenName, String familyName, LocalDate dateOfBirth, String email,
                                   String phone, Address address) {
}
