package uk.customerhub.projections.customerview;

import org.junit.jupiter.api.Test;
import uk.customerhub.api.Address;
import uk.customerhub.api.CandidateMatches;
import uk.customerhub.api.CandidateMatches.Candidate;
import uk.customerhub.api.ContactDetails;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.FindCandidateCustomers;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Name;
import uk.customerhub.api.Role;
import uk.customerhub.api.Viewer;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.customerhub.projections.customerview.Events.linked;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.profileUpdated;
import static uk.customerhub.projections.customerview.Events.registered;

class CandidateMatchesViewTest extends SingleViewTestBase {
    private static final Viewer AGENT = Viewer.agent("agent-7");
    private static final LocalDate BORN = LocalDate.of(1980, 5, 17);

    @Test
    void sameNameDateOfBirthAndPostcodeScoresHighWithReasons() {
        // given
        feed.publish("ann", registered("ann", profile("Ann", "Smith", "ann@example.org", "SO14 7LY")));
        feed.publish("ann", linked("ann", IdentityKind.EMAIL, "ann@example.org"));
        feed.publish("bob", registered("bob", profile("Bob", "Brown", null, "SO15 2AB")));

        // when
        List<Candidate> found = candidates(new FindCandidateCustomers("A.", "SMITH", BORN, "so147ly", null, null, AGENT));

        // then
        assertThat(found).hasSize(1);
        Candidate ann = found.get(0);
        assertThat(ann.customerId()).isEqualTo("ann");
        assertThat(ann.name()).isEqualTo(new Name("Ann", "Smith"));
        assertThat(ann.postcode()).isEqualTo("SO14 7LY");
        assertThat(ann.score()).isEqualTo(25 + 15 + 10 + 15);
        assertThat(ann.reasons()).containsExactly("same date of birth", "same family name",
                "given name matches an initial", "same postcode");
    }

    @Test
    void householdSharingAnEmailAreAllCandidatesAndTheSamePersonRanksFirst() {
        // given
        feed.publish("ann", registered("ann", profile("Ann", "Smith", "smiths@example.org", "SO14 7LY")));
        feed.publish("ann", linked("ann", IdentityKind.EMAIL, "smiths@example.org"));
        feed.publish("joe", registered("joe", new CustomerProfile(new Name("Joe", "Smith"), LocalDate.of(2001, 1, 2),
                new ContactDetails("smiths@example.org", null), new Address(List.of(), null, "SO14 7LY", null))));
        feed.publish("joe", linked("joe", IdentityKind.EMAIL, "smiths@example.org"));

        // when
        List<Candidate> found = candidates(new FindCandidateCustomers("Ann", "Smith", BORN, null,
                "Smiths@Example.org", null, AGENT));

        // then
        assertThat(found).extracting(Candidate::customerId).containsExactly("ann", "joe");
        assertThat(found.get(0).score()).isEqualTo(40 + 25 + 15 + 10);
        assertThat(found.get(0).reasons()).containsExactly("same e-mail (shared by 2 customers)", "same date of birth",
                "same family name", "same given name");
        assertThat(found.get(1).score()).isEqualTo(40 + 15);
        assertThat(found.get(1).reasons()).containsExactly("same e-mail (shared by 2 customers)", "same family name");
    }

    @Test
    void phoneAloneFindsItsHolder() {
        // given
        feed.publish("ann", registered("ann", profile("Ann", "Smith", null, "SO14 7LY")));
        feed.publish("ann", linked("ann", IdentityKind.PHONE, "07700 900123"));

        // when
        List<Candidate> found = candidates(new FindCandidateCustomers(null, null, null, null, null, "+447700900123", AGENT));

        // then
        assertThat(found).singleElement().satisfies(ann -> {
            assertThat(ann.score()).isEqualTo(35);
            assertThat(ann.reasons()).containsExactly("same phone");
        });
    }

    @Test
    void profileChangeMovesTheDateOfBirthKeys() {
        // given
        feed.publish("ann", registered("ann", profile("Ann", "Smith", null, "SO14 7LY")));
        CustomerProfile moved = new CustomerProfile(new Name("Ann", "Jones"), LocalDate.of(1981, 6, 18), null,
                new Address(List.of(), null, "SO15 2AB", null));
        feed.publish("ann", profileUpdated("ann", moved));

        // when / then
        assertThat(candidates(new FindCandidateCustomers(null, "Smith", BORN, null, null, null, AGENT))).isEmpty();
        assertThat(candidates(new FindCandidateCustomers(null, null, BORN, "SO14 7LY", null, null, AGENT))).isEmpty();
        assertThat(candidates(new FindCandidateCustomers(null, "Jones", LocalDate.of(1981, 6, 18), null, null, null, AGENT)))
                .extracting(Candidate::customerId).containsExactly("ann");
        assertThat(candidates(new FindCandidateCustomers(null, null, LocalDate.of(1981, 6, 18), "SO15 2AB", null, null, AGENT)))
                .singleElement().satisfies(ann -> assertThat(ann.reasons())
                        .containsExactly("same date of birth", "same postcode"));
    }

    @Test
    void residentsAndOtherOrganisationsGetNothing() {
        // given
        feed.publish("ann", registered("ann", profile("Ann", "Smith", null, "SO14 7LY")));
        Viewer resident = Viewer.resident("urn:fdc:gov.uk:2022:ann");
        Viewer otherCouncil = new Viewer(Role.AGENT, "agent-9", Set.of(), "another-council");

        // when / then
        assertThat(candidates(new FindCandidateCustomers(null, "Smith", BORN, null, null, null, resident))).isEmpty();
        assertThat(candidates(new FindCandidateCustomers(null, "Smith", BORN, null, null, null, otherCouncil))).isEmpty();
    }

    @Test
    void tooLittleToSearchIsRefused() {
        assertThatThrownBy(() -> new FindCandidateCustomers("Ann", "Smith", null, null, null, null, AGENT))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new FindCandidateCustomers(null, null, BORN, null, null, null, AGENT))
                .isInstanceOf(InvalidInputException.class);
    }

    private List<Candidate> candidates(FindCandidateCustomers query) {
        CandidateMatches matches = queries.handle(query);
        return matches.candidates();
    }
}
