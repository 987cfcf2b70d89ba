package uk.customerhub.infra.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.customerhub.channels.web.Caller;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * DEMO RUN ONLY: a token for a demo user from curl. Spring Authorization Server has no password grant, and a demo
 * needs residents' and agents' tokens without a browser. Exists only while the dev authorization server is enabled.
 */
@RestController
@Tag(name = "Demo tokens (dev only)")
@ConditionalOnProperty(prefix = "hub.security.dev-authorization-server", name = "enabled", havingValue = "true")
public class DevTokenController {
    static final Duration LIFETIME = Duration.ofHours(8);

    private final JwtEncoder encoder;
    private final HubSecurityProperties properties;

    public DevTokenController(JwtEncoder encoder, HubSecurityProperties properties) {
        this.encoder = encoder;
        this.properties = properties;
    }

    @Operation(summary = "Sign in a demo user and get a bearer token (demo run only)")
    @PostMapping(path = "/dev/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> token(@RequestParam String username, @RequestParam String password) {
        DemoUser user = DemoUser.ALL.stream()
                .filter(candidate -> candidate.username().equals(username) && sameSecret(candidate.password(), password))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "unknown demo user or wrong password"));
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.devAuthorizationServer().issuer())
                .subject(user.subject())
                .audience(java.util.List.of("customer-hub"))
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .id(UUID.randomUUID().toString())
                .claim(HubAuthorities.ROLES_CLAIM, user.roles().stream().map(Enum::name).toList())
                .claim("organisation", "council");
        if (user.identityLevel() != null) {
            claims.claim("vot", user.identityLevel());
        }
        if (user.givenName() != null) {
            claims.claim("given_name", user.givenName());
        }
        if (user.familyName() != null) {
            claims.claim("family_name", user.familyName());
        }
        if (!user.specialisms().isEmpty()) {
            claims.claim(Caller.SPECIALISMS_CLAIM, user.specialisms().stream().map(Enum::name).toList());
        }
        String token = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build())).getTokenValue();
        return Map.of("access_token", token, "token_type", "Bearer", "expires_in", LIFETIME.toSeconds());
    }

    private static boolean sameSecret(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
