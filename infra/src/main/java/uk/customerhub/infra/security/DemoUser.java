package uk.customerhub.infra.security;

import uk.customerhub.api.Role;

import java.util.List;

/**
 * A user of the demo run's authorization server. Residents' tokens are shaped like GOV.UK One Login's: a stable
 * {@code sub}, an identity level {@code vot}, and possibly no name.
 */
public record DemoUser(String username, String password, String subject, List<Role> roles, String identityLevel,
                       String givenName, String familyName) {

    /** The demo run's users; their passwords are in the README and work only where the dev server runs. */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser("alice", "alice-demo", "urn:fdc:gov.uk:2022:demo-alice", List.of(Role.RESIDENT), "P2", null, null),
            new DemoUser("bob", "bob-demo", "urn:fdc:gov.uk:2022:demo-bob", List.of(Role.RESIDENT), "P2", "Bob", "Barker"),
            new DemoUser("sam", "sam-demo", "staff:sam", List.of(Role.AGENT), null, "Sam", "Agent"),
            new DemoUser("sasha", "sasha-demo", "staff:sasha", List.of(Role.SPECIALIST), null, "Sasha", "Specialist"),
            new DemoUser("ada", "ada-demo", "staff:ada", List.of(Role.ADMIN), null, "Ada", "Admin"));
}
