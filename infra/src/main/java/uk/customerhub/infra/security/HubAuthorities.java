package uk.customerhub.infra.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import uk.customerhub.api.Role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Turns a token's claims into the hub's roles: the {@code roles} claim (our issuers and the dev server), or RESIDENT
 * for a token of a configured residents' issuer that carries no roles (GOV.UK One Login tokens carry none). Unknown
 * role names are ignored.
 */
public class HubAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {
    public static final String ROLES_CLAIM = "roles";

    private final Set<String> residentIssuers;

    public HubAuthorities(Collection<String> residentIssuers) {
        this.residentIssuers = Set.copyOf(residentIssuers);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
        for (String role : roles) {
            if (isKnownRole(role)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
        }
        if (roles.isEmpty() && jwt.getIssuer() != null && residentIssuers.contains(jwt.getIssuer().toString())) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.RESIDENT.name()));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static boolean isKnownRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
