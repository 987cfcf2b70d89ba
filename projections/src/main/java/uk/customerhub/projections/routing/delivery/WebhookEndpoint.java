package uk.customerhub.projections.routing.delivery;

import java.time.Instant;
import java.util.List;

/**
 * Where a provider takes its webhooks: the URL, its signing secrets (the current one first; during a rotation also
 * the previous one until it expires), whether it is enabled (and if not, why), and whether the demo run seeded it.
 */
public record WebhookEndpoint(String providerId,
                              String url,
                              List<EndpointSecret> secrets,
                              boolean enabled,
                              String disabledReason,
                              Instant updatedAt,
                              boolean seeded) {
    public WebhookEndpoint {
        secrets = List.copyOf(secrets);
    }

    /** The secrets that sign at {@code now}: the current one, and the previous one until it expires. */
    public List<EndpointSecret> signingSecrets(Instant now) {
        return secrets.stream().filter(secret -> secret.activeAt(now)).toList();
    }

    public WebhookEndpoint withUrl(String newUrl, boolean nowEnabled, Instant now) {
        return new WebhookEndpoint(providerId, newUrl, secrets, nowEnabled, nowEnabled ? null : disabledReason, now, false);
    }

    /** A new current secret; the one it replaces keeps signing until {@code previousExpiresAt}. */
    public WebhookEndpoint rotatedTo(EndpointSecret next, Instant previousExpiresAt, Instant now) {
        return new WebhookEndpoint(providerId, url, List.of(next, secrets.get(0).expiringAt(previousExpiresAt)),
                enabled, disabledReason, now, seeded);
    }
}
