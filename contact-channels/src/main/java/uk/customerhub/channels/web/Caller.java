package uk.customerhub.channels.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.Role;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.Viewer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who is calling, read from their verified token: subject, roles, identity level ({@code vot}), organisation, the
 * name claims a token may carry (a resident's may carry none) and, for SPECIALIST staff, the specialisms whose
 * restricted cases they may see (claim {@value #SPECIALISMS_CLAIM}: a list of {@link Specialism} names; names the hub
 * does not know are ignored, and a specialist whose token names none sees no restricted case).
 */
public record Caller(String subject, Set<Role> roles, String identityLevel, String organisation,
                     String givenName, String familyName, Set<Specialism> specialisms) {
    /** The claim listing a specialist's specialisms. */
    public static final String SPECIALISMS_CLAIM = "specialisms";

    public Caller {
        specialisms = specialisms == null || specialisms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(specialisms));
    }

    public static Caller of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("the hub's APIs are called with bearer tokens only");
        }
        Jwt jwt = token.getToken();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith("ROLE_")) {
                roles.add(Role.valueOf(name.substring("ROLE_".length())));
            }
        }
        String organisation = jwt.hasClaim("organisation") ? jwt.getClaimAsString("organisation") : Provenance.DEFAULT_ORGANISATION;
        return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString("vot"), organisation,
                jwt.getClaimAsString("given_name"), jwt.getClaimAsString("family_name"),
                roles.contains(Role.SPECIALIST) ? specialisms(jwt) : Set.of());
    }

    private static Set<Specialism> specialisms(Jwt jwt) {
        if (!jwt.hasClaim(SPECIALISMS_CLAIM)) {
            return Set.of();
        }
        List<String> names = jwt.getClaimAsStringList(SPECIALISMS_CLAIM);
        Set<Specialism> specialisms = EnumSet.noneOf(Specialism.class);
        for (String name : names == null ? List.<String>of() : names) {
            for (Specialism specialism : Specialism.values()) {
                if (specialism.name().equals(name)) {
                    specialisms.add(specialism);
                }
            }
        }
        return specialisms;
    }

    /** The role this caller acts in: the most privileged staff role they hold, else resident. */
    public Role primaryRole() {
        for (Role role : new Role[]{Role.SPECIALIST, Role.AGENT, Role.ADMIN, Role.PROVIDER, Role.CHANNEL, Role.ANALYST, Role.RESIDENT}) {
            if (roles.contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("caller " + subject + " holds no hub role");
    }

    /** This caller as the viewer of a query, so the query's answer is limited to what they may see. */
    public Viewer asViewer() {
        return new Viewer(primaryRole(), subject, specialisms, organisation);
    }
}
