package uk.customerhub.channels.providers;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import uk.customerhub.api.Role;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ChannelNotAllowedException;

/**
 * A provider's system calling with a client-credentials token (role PROVIDER): the token's {@value #PROVIDER_CLAIM}
 * claim names the one provider it acts for, and it may act only on requests routed to that provider. A PROVIDER
 * token naming no provider is refused (403).
 */
public record ProviderClient(Caller caller, String providerId) {
    public static final String PROVIDER_CLAIM = "provider_id";

    public static ProviderClient of(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Jwt jwt = ((JwtAuthenticationToken) authentication).getToken();
        String providerId = jwt.getClaimAsString(PROVIDER_CLAIM);
        if (!caller.roles().contains(Role.PROVIDER) || providerId == null || providerId.isBlank()) {
            throw new ChannelNotAllowedException("this client's token names no provider (claim " + PROVIDER_CLAIM + ")");
        }
        return new ProviderClient(caller, providerId);
    }
}
