package uk.customerhub.infra.security;

import uk.customerhub.api.Role;
import uk.customerhub.api.Specialism;

import java.util.List;

/**
 * A user of the demo run's authorization server. Residents' tokens are shaped like GOV.UK One Login's: a stable
 * {@code sub}, an identity level {@code vot}, and possibly no name. A specialist's token names her specialisms: she
 * sees the restricted cases of those only.
 */
public record DemoUser(String username, String password, String subject, List<Role> roles, String identityLevel,
                       String givenName, String familyName, List<Specialism> specialisms) {

    /** The demo run's users; their passwords are in the README and work only where the dev server runs. */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser("alice", "alice-demo", "urn:fdc:gov.uk:2022:demo-alice", List.of(Role.RESIDENT), "P2", null, null,
                    List.of()),
            new DemoUser("bob", "bob-demo", "urn:fdc:gov.uk:2022:demo-bob", List.of(Role.RESIDENT), "P2", "Bob", "Barker",
                    List.of()),
            new DemoUser("sam", "sam-demo", "staff:sam", List.of(Role.AGENT), null, "Sam", "Agent", List.of()),
            new DemoUser("sasha", "sasha-demo", "staff:sasha", List.of(Role.SPECIALIST), null, "Sasha", "Specialist",
                    List.of(Specialism.ADULTS_SAFEGUARDING)),
            new DemoUser("chris", "chris-demo", "staff:chris", List.of(Role.SPECIALIST), null, "Chris", "Specialist",
                    List.of(Specialism.CHILDRENS_SAFEGUARDING)),
            new DemoUser("ada", "ada-demo", "staff:ada", List.of(Role.ADMIN), null, "Ada", "Admin", List.of()));
}
