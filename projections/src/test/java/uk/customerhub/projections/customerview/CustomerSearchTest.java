package uk.customerhub.projections.customerview;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerSummary;
import uk.customerhub.api.FindCustomersByIdentity;
import uk.customerhub.api.FindCustomersBySurnameAndPostcode;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.Name;
import uk.customerhub.api.Viewer;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.projections.customerview.Events.linked;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.profileUpdated;
import static uk.customerhub.projections.customerview.Events.registered;

class CustomerSearchTest extends SingleViewTestBase {
    private static final Viewer AGENT = Viewer.agent("agent-7");

    @Test
    void householdEmailFindsEveryCustomerWhoHoldsIt() {
        // given
        feed.publish("ann", registered("ann", profile("Ann", "Smith", "smiths@example.org", "SO14 7LY")));
        feed.publish("ann", linked("ann", IdentityKind.EMAIL, "smiths@example.org"));
        feed.publish("joe", registered("joe", profile("Joe", "Smith", "smiths@example.org", "SO14 7LY")));
        feed.publish("joe", linked("joe", IdentityKind.EMAIL, "smiths@example.org"));
        feed.publish("bob", registered("bob", profile("Bob", "Brown", "bob@example.org", "SO15 2AB")));
        feed.publish("bob", linked("bob", IdentityKind.EMAIL, "bob@example.org"));

        // when
        List<CustomerSummary> found = byIdentity(IdentityKind.EMAIL, "Smiths@Example.org");

        // then
        assertThat(found).containsExactly(
                new CustomerSummary("ann", new Name("Ann", "Smith"), CustomerCategory.RESIDENT, "SO14 7LY"),
                new CustomerSummary("joe", new Name("Joe", "Smith"), CustomerCategory.RESIDENT, "SO14 7LY"));
    }

    @Test
    void digitalIdAndPhoneFindTheirHolder() {
        // given
        feed.publish("ann", registered("ann", profile("Ann", "Smith", null, "SO14 7LY")));
        feed.publish("ann", linked("ann", IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:ann"));
        feed.publish("ann", linked("ann", IdentityKind.PHONE, "07700 900123"));
        feed.publish("ann", linked("ann", IdentityKind.SOCIAL_HANDLE, "x:@annsmith"));

        // when / then
        assertThat(byIdentity(IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:ann")).extracting(CustomerSummary::customerId)
                .containsExactly("ann");
        assertThat(byIdentity(IdentityKind.PHONE, "+447700900123")).extracting(CustomerSummary::customerId)
                .containsExactly("ann");
        assertThat(byIdentity(IdentityKind.SOCIAL_HANDLE, "x:annsmith")).extracting(CustomerSummary::customerId)
                .containsExactly("ann");
        assertThat(byIdentity(IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:someone-else")).isEmpty();
    }

    @Test
    void lookupsHoldKeyedHashesNotTheIdentifiers() {
        // given
        feed.publish("ann", registered("ann", profile("Ann", "Smith", "ann@example.org", "SO14 7LY")));
        feed.publish("ann", linked("ann", IdentityKind.EMAIL, "ann@example.org"));

        // when
        List<Document> lookups = database.getCollection(CustomerViewStore.LOOKUPS).find().into(new ArrayList<>());

        // then
        assertThat(lookups).extracting(lookup -> lookup.getString("_id")).containsExactlyInAnyOrder(
                "council|EMAIL|" + HASH.of("ann@example.org"),
                "council|SURNAME_POSTCODE|" + HASH.of("smith|SO14 7LY"),
                "council|SURNAME_DOB|" + HASH.of("smith|1980-05-17"),
                "council|POSTCODE_DOB|" + HASH.of("SO14 7LY|1980-05-17"));
        assertThat(lookups.toString()).doesNotContain("ann@example.org").doesNotContainIgnoringCase("smith");
    }

    @Test
    void surnameAndPostcodeSearchFollowsAProfileChange() {
        // given
        feed.publish("ann", registered("ann", profile("Ann", "Smith", null, "SO14 7LY")));
        feed.publish("joe", registered("joe", profile("Joe", "Smith", null, "SO14 7LY")));
        assertThat(bySurnameAndPostcode("smith", "so147ly")).extracting(CustomerSummary::customerId)
                .containsExactly("ann", "joe");

        // when Ann marries and moves
        feed.publish("ann", profileUpdated("ann", profile("Ann", "Jones", null, "SO15 2AB")));

        // then
        assertThat(bySurnameAndPostcode("Smith", "SO14 7LY")).extracting(CustomerSummary::customerId)
                .containsExactly("joe");
        assertThat(bySurnameAndPostcode("JONES", "so15 2ab")).extracting(CustomerSummary::customerId)
                .containsExactly("ann");
        assertThat(bySurnameAndPostcode("Jones", "SO15 2AB")).extracting(CustomerSummary::postcode)
                .containsExactly("SO15 2AB");
    }

    @Test
    void profileCompletedLaterBecomesFindable() {
        // given a self-registered resident without surname or address
        feed.publish("ann", registered("ann", CustomerProfile.empty()));

        // when
        feed.publish("ann", profileUpdated("ann", profile("Ann", "Smith", null, "SO14 7LY")));

        // then
        assertThat(bySurnameAndPostcode("Smith", "SO14 7LY")).extracting(CustomerSummary::customerId)
                .containsExactly("ann");
    }

    private List<CustomerSummary> byIdentity(IdentityKind kind, String value) {
        return queries.handle(new FindCustomersByIdentity(new Identity(kind, value), AGENT)).customers();
    }

    private List<CustomerSummary> bySurnameAndPostcode(String surname, String postcode) {
        return queries.handle(new FindCustomersBySurnameAndPostcode(surname, postcode, AGENT)).customers();
    }
}
