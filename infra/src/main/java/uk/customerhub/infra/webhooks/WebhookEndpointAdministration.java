package uk.customerhub.infra.webhooks;

import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Require;
import uk.customerhub.projections.routing.delivery.EndpointSecret;
import uk.customerhub.projections.routing.delivery.WebhookEndpoint;
import uk.customerhub.projections.routing.delivery.WebhookEndpoints;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ADMIN's management of providers' webhook endpoints: set the URL (checked against internal addresses), enable or
 * disable, rotate the signing secret. A new secret is answered in full once, when it is made; afterwards only its
 * first characters are shown.
 */
public class WebhookEndpointAdministration {
    /** The longest URL accepted. */
    public static final int URL_LIMIT = 2_000;
    /** The longest a rotated-out secret may keep signing. */
    public static final Duration LONGEST_OVERLAP = Duration.ofDays(7);

    private final WebhookEndpoints endpoints;
    private final AddressGuard guard;
    private final Clock clock;
    private final Duration defaultOverlap;
    private final SecureRandom random = new SecureRandom();

    public WebhookEndpointAdministration(WebhookEndpoints endpoints, AddressGuard guard, Clock clock, Duration defaultOverlap) {
        this.endpoints = endpoints;
        this.guard = guard;
        this.clock = clock;
        this.defaultOverlap = defaultOverlap;
    }

    /** The endpoint and, when it was made just now, its secret in full. */
    public record Outcome(WebhookEndpoint endpoint, boolean created, String newSecret) {
    }

    public Optional<WebhookEndpoint> find(String providerId) {
        return endpoints.find(Require.id("providerId", providerId));
    }

    /** Creates the provider's endpoint with a new secret, or changes its URL and whether it is enabled. */
    public Outcome configure(String providerId, WebhookEndpointRequest request) {
        Require.id("providerId", providerId);
        Require.present("body", request);
        String url = checkedUrl(request.url());
        boolean enabled = request.enabled() == null || request.enabled();
        Instant now = clock.instant();
        Optional<WebhookEndpoint> existing = endpoints.find(providerId);
        if (existing.isPresent()) {
            WebhookEndpoint changed = existing.get().withUrl(url, enabled, now);
            if (!enabled && existing.get().enabled()) {
                changed = new WebhookEndpoint(providerId, url, changed.secrets(), false, "disabled by ADMIN at " + now, now, false);
            }
            endpoints.save(changed);
            return new Outcome(changed, false, null);
        }
        EndpointSecret secret = EndpointSecret.generate(random, now);
        WebhookEndpoint created = new WebhookEndpoint(providerId, url, List.of(secret), enabled,
                enabled ? null : "disabled by ADMIN at " + now, now, false);
        endpoints.save(created);
        return new Outcome(created, true, secret.secret());
    }

    /** A new current secret; the old one keeps signing for {@code previousValidFor} (default 24 h, at most 7 days). */
    public Outcome rotate(String providerId, Duration previousValidFor) {
        Require.id("providerId", providerId);
        Duration overlap = previousValidFor == null ? defaultOverlap : previousValidFor;
        if (overlap.isNegative() || overlap.compareTo(LONGEST_OVERLAP) > 0) {
            throw new InvalidInputException("previousSecretValidFor", "must be between PT0S and P7D");
        }
        WebhookEndpoint endpoint = endpoints.find(providerId)
                .orElseThrow(() -> new uk.customerhub.channels.web.NotFoundException("no webhook endpoint for " + providerId));
        Instant now = clock.instant();
        EndpointSecret next = EndpointSecret.generate(random, now);
        WebhookEndpoint rotated = endpoint.rotatedTo(next, now.plus(overlap), now);
        endpoints.save(rotated);
        return new Outcome(rotated, false, next.secret());
    }

    private String checkedUrl(String url) {
        Require.text("url", url, URL_LIMIT);
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a valid URL");
        }
        String problem = guard.problemWithUrl(uri);
        if (problem != null) {
            throw new InvalidInputException("url", problem);
        }
        return uri.toString();
    }
}
