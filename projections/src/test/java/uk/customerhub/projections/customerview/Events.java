package uk.customerhub.projections.customerview;

import uk.customerhub.api.Address;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactDetails;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerRegistered;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.IdentityLinked;
import uk.customerhub.api.Name;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.ProfileUpdated;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.ServiceLocation;
import uk.customerhub.api.ServiceRequestDetails;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Events of customers' records, as the Customer aggregate applies them, for the tests. */
final class Events {
    static final Instant OCCURRED_AT = Instant.parse("2026-03-01T17:30:00Z");

    private Events() {
    }

    static CustomerProfile profile(String givenName, String familyName, String email, String postcode) {
        return new CustomerProfile(new Name(givenName, familyName), LocalDate.of(1980, 5, 17),
                new ContactDetails(email, null),
                new Address(List.of("1 Civic Centre Road"), "Southampton", postcode, "100060000001"));
    }

    static CustomerRegistered registered(String customerId, CustomerProfile profile) {
        return new CustomerRegistered(customerId, CustomerCategory.RESIDENT, profile);
    }

    static ProfileUpdated profileUpdated(String customerId, CustomerProfile profile) {
        return new ProfileUpdated(customerId, CustomerCategory.RESIDENT, profile);
    }

    static IdentityLinked linked(String customerId, IdentityKind kind, String value) {
        return new IdentityLinked(customerId, new Identity(kind, value));
    }

    static ContactRecorded contact(String customerId, String contactId, Channel channel, Visibility visibility) {
        return contact(customerId, contactId, channel, visibility, null);
    }

    static ContactRecorded restrictedContact(String customerId, String contactId, Channel channel, Specialism specialism) {
        return contact(customerId, contactId, channel, Visibility.RESTRICTED, specialism);
    }

    private static ContactRecorded contact(String customerId, String contactId, Channel channel, Visibility visibility,
                                           Specialism specialism) {
        return new ContactRecorded(customerId, contactId, channel, ContactType.ENQUIRY, Direction.INBOUND, OCCURRED_AT,
                RecordedBy.assisted("agent-7", null), Outcome.RESOLVED_FIRST_CONTACT, visibility, specialism,
                new ContactNarrative("Enquiry " + contactId));
    }

    /** The contact through which a service request is raised (the first of the two events RaiseServiceRequest applies). */
    static ContactRecorded serviceRequestContact(String customerId, String contactId, Channel channel, Visibility visibility) {
        return new ContactRecorded(customerId, contactId, channel, ContactType.SERVICE_REQUEST, Direction.INBOUND,
                OCCURRED_AT, RecordedBy.selfService(), Outcome.SERVICE_REQUEST_RAISED, visibility, null,
                new ContactNarrative("Overflowing bin"));
    }

    static ServiceRequestRaised serviceRequest(String customerId, String serviceRequestId, String contactId,
                                               Visibility visibility) {
        return new ServiceRequestRaised(customerId, serviceRequestId, contactId, "missed-bin", visibility, null,
                new ServiceRequestDetails("Overflowing bin",
                        Map.of("bin.colour", "green"),
                        new ServiceLocation(50.9097, -1.4044, "Outside number 1", null, "SO14 7LY")),
                1, null);
    }
}
