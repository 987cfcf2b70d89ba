package uk.customerhub.api;

import java.time.LocalDate;

/**
 * The personal part of a customer's record: everything here is personal data (to be encrypted per customer and
 * erased by deleting that key). Every part may be absent while a self-registered profile is incomplete.
 */
public record CustomerProfile(Name name, LocalDate dateOfBirth, ContactDetails contactDetails, Address address) {
    public CustomerProfile {
        name = name == null ? new Name(null, null) : name;
        contactDetails = contactDetails == null ? ContactDetails.none() : contactDetails;
        if (dateOfBirth != null && (dateOfBirth.isAfter(LocalDate.now().plusDays(1)) || dateOfBirth.getYear() < 1900)) {
            throw new InvalidInputException("dateOfBirth", "must be a date between 1900 and today");
        }
    }

    public static CustomerProfile empty() {
        return new CustomerProfile(null, null, null, null);
    }

    /** This profile with every part that {@code change} gives replaced; absent parts of {@code change} keep ours. */
    public CustomerProfile updatedWith(CustomerProfile change) {
        Name newName = new Name(
                change.name().givenName() != null ? change.name().givenName() : name.givenName(),
                change.name().familyName() != null ? change.name().familyName() : name.familyName());
        ContactDetails newContact = new ContactDetails(
                change.contactDetails().email() != null ? change.contactDetails().email() : contactDetails.email(),
                change.contactDetails().phone() != null ? change.contactDetails().phone() : contactDetails.phone());
        return new CustomerProfile(newName,
                change.dateOfBirth() != null ? change.dateOfBirth() : dateOfBirth,
                newContact,
                change.address() != null ? change.address() : address);
    }
}
