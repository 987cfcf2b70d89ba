package uk.customerhub.infra;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.context.ActiveProfiles;
import uk.customerhub.api.Specialism;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Boots the whole hub — HTTP, security, Axon, event store, projections — on the embedded MongoDB-wire server (in
 * memory) over TCP, and drives it over HTTP. Subclasses also carry {@code @AutoConfigureObservability} (it is not
 * inherited), so all share one application context with metrics export on, as in a real run.
 */
@SpringBootTest(classes = CustomerHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class HubApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    JwtEncoder jwtEncoder;

    HubClient hub;

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
    }

    /** A token for a resident nobody has seen before, shaped like GOV.UK One Login's (no name). */
    String newResident() {
        return token("urn:fdc:gov.uk:2022:test-" + UUID.randomUUID(), "RESIDENT", "P2");
    }

    String agent() {
        return token("staff:agent-" + UUID.randomUUID(), "AGENT", null);
    }

    /** A SPECIALIST's token naming her specialisms (the restricted cases she may see). */
    String specialist(Specialism... specialisms) {
        return token("staff:specialist-" + UUID.randomUUID(), "SPECIALIST", null, specialisms);
    }

    String token(String subject, String role, String vot, Specialism... specialisms) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("http://localhost")
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .claim("roles", List.of(role));
        if (vot != null) {
            claims.claim("vot", vot);
        }
        if (specialisms.length > 0) {
            claims.claim("specialisms", java.util.Arrays.stream(specialisms).map(Enum::name).toList());
        }
        return jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                .getTokenValue();
    }
}
