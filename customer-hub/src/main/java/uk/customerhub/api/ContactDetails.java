package uk.customerhub.api;

/** How to reach a customer. Both are normalised; either may be absent. */
public record ContactDetails(String email, String phone) {
    public ContactDetails {
        email = email == null || email.isBlank() ? null : Identity.normalise(IdentityKind.EMAIL, "contactDetails.email", email);
        phone = phone == null || phone.isBlank() ? null : Identity.normalise(IdentityKind.PHONE, "contactDetails.phone", phone);
    }

    public static ContactDetails none() {
        return new ContactDetails(null, null);
    }
}
