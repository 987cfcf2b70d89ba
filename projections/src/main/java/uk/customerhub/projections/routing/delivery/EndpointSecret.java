package uk.customerhub.projections.routing.delivery;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * A signing secret of a webhook endpoint ({@code whsec_} and 32 random bytes in base64, as Standard Webhooks has
 * them), when it was made and — for the previous secret during a rotation — until when it still signs.
 */
public record EndpointSecret(String secret, Instant createdAt, Instant expiresAt) {
    public static final String PREFIX = "whsec_";

    public static EndpointSecret generate(SecureRandom random, Instant now) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new EndpointSecret(PREFIX + Base64.getEncoder().encodeToString(key), now, null);
    }

    /** Whether it still signs at {@code now}. */
    public boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    /** Enough to tell secrets apart, never the secret: {@code whsec_} and its first four characters. */
    public String masked() {
        return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 4)) + "…";
    }

    public EndpointSecret expiringAt(Instant expiry) {
        return new EndpointSecret(secret, createdAt, expiry);
    }
}
