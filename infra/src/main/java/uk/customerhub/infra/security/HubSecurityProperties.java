package uk.customerhub.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Security settings.
 *
 * @param lookupKeySecret   secret of the keyed hashes that lookup keys built from personal identifiers are stored
 *                          under; production sets its own
 * @param residentIssuers   issuers whose tokens carry no {@code roles} claim but are residents' (e.g. GOV.UK One Login)
 * @param devAuthorizationServer the embedded development authorization server (demo run only)
 */
@ConfigurationProperties(prefix = "hub.security")
public record HubSecurityProperties(String lookupKeySecret, List<String> residentIssuers,
                                    DevAuthorizationServer devAuthorizationServer) {

    public HubSecurityProperties {
        residentIssuers = residentIssuers == null ? List.of() : List.copyOf(residentIssuers);
        devAuthorizationServer = devAuthorizationServer == null ? new DevAuthorizationServer(false, null) : devAuthorizationServer;
    }

    /**
     * @param enabled whether the embedded authorization server, its demo users and clients, and the dev-only token
     *                endpoint run (never in production)
     * @param issuer  the issuer URL it signs tokens as
     */
    public record DevAuthorizationServer(boolean enabled, String issuer) {
    }
}
