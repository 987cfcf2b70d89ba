package uk.customerhub.projections.customerview;

import org.bson.Document;
import uk.customerhub.api.Address;
import uk.customerhub.api.ContactDetails;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.Name;

import java.time.LocalDate;

/** How a customer's profile (name, date of birth, contact details, address) is stored in the single view. */
final class ProfileDocuments {
    private ProfileDocuments() {
    }

    static Document toDocument(CustomerProfile profile) {
        Address address = profile.address();
        return new Document("givenName", profile.name().givenName())
                .append("familyName", profile.name().familyName())
                .append("dateOfBirth", profile.dateOfBirth() == null ? null : profile.dateOfBirth().toString())
                .append("email", profile.contactDetails().email())
                .append("phone", profile.contactDetails().phone())
                .append("address", address == null ? null : new Document("lines", address.lines())
                        .append("town", address.town())
                        .append("postcode", address.postcode())
                        .append("uprn", address.uprn()));
    }

    static CustomerProfile fromDocument(Document document) {
        String dateOfBirth = document.getString("dateOfBirth");
        Document address = document.get("address", Document.class);
        return new CustomerProfile(
                new Name(document.getString("givenName"), document.getString("familyName")),
                dateOfBirth == null ? null : LocalDate.parse(dateOfBirth),
                new ContactDetails(document.getString("email"), document.getString("phone")),
                address == null ? null : new Address(address.getList("lines", String.class),
                        address.getString("town"), address.getString("postcode"), address.getString("uprn")));
    }
}
