package uk.customerhub.infra.demoprovider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.customerhub.projections.routing.delivery.EndpointSecret;
import uk.customerhub.projections.routing.delivery.WebhookEndpoint;
import uk.customerhub.projections.routing.delivery.WebhookEndpoints;
import uk.customerhub.projections.routing.delivery.WebhookPayloads;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A provider inside the demo run, so a newcomer sees the whole loop with no other software: it takes the hub's
 * webhooks for any provider, checks each signature with the Standard Webhooks reference library (a forged or stale
 * one is refused), and — later, as a partner's back office would — acknowledges each new request and then reports it
 * fixed through the hub's provider API ({@link HubCallbacks}). A cancelled request gets no further updates.
 * <p>
 * It runs inside the hub, so it reads the endpoint's secrets from the hub's own store rather than from its own
 * configuration (a real partner keeps the secret it was given); an ADMIN rotation therefore never breaks the demo.
 * Webhooks seen before (by {@code webhook-id}) are answered without doing anything twice.
 */
public class DemoProvider {
    private static final Logger log = LoggerFactory.getLogger(DemoProvider.class);
    private static final int REMEMBERED = 10_000;

    /** What the demo provider made of a webhook. */
    public enum Verdict { ACCEPTED, ALREADY_SEEN, REFUSED }

    private final WebhookEndpoints endpoints;
    private final HubCallbacks hub;
    private final Later later;
    private final Clock clock;
    private final ObjectMapper json;
    private final DemoProviderProperties properties;
    private final Set<String> seen = Collections.newSetFromMap(boundedMap());
    private final Set<String> cancelled = Collections.newSetFromMap(boundedMap());

    public DemoProvider(WebhookEndpoints endpoints, HubCallbacks hub, Later later, Clock clock, ObjectMapper json,
                        DemoProviderProperties properties) {
        this.endpoints = endpoints;
        this.hub = hub;
        this.later = later;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
    }

    private static <K> Map<K, Boolean> boundedMap() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    /** Takes a webhook addressed to provider {@code providerId}: the raw body and the request's headers. */
    public Verdict receive(String providerId, String body, Map<String, List<String>> headers) {
        Optional<WebhookEndpoint> endpoint = endpoints.find(providerId);
        if (endpoint.isEmpty() || !verified(endpoint.get(), body, headers)) {
            log.warn("demo provider {}: refused a webhook whose signature does not verify", providerId);
            return Verdict.REFUSED;
        }
        String webhookId = first(headers, "webhook-id");
        if (!seen.add(providerId + "|" + webhookId)) {
            return Verdict.ALREADY_SEEN;
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (IOException e) {
            return Verdict.REFUSED;
        }
        String type = payload.path("type").asText();
        String serviceRequestId = payload.path("data").path("service_request_id").asText();
        if (WebhookPayloads.CANCELLED.equals(type)) {
            cancelled.add(providerId + "|" + serviceRequestId);
            log.info("demo provider {}: service request {} cancelled (re-routed)", providerId, serviceRequestId);
        } else if (WebhookPayloads.ROUTED.equals(type)) {
            cancelled.remove(providerId + "|" + serviceRequestId);
            log.info("demo provider {}: received service request {} ({}), webhook {} signature verified", providerId,
                    serviceRequestId, payload.path("data").path("service_code").asText(), webhookId);
            // fixed only once acknowledged, so the hub never hears them out of order
            Runnable fix = () -> update(providerId, serviceRequestId, webhookId, "fixed", "DEMO-DONE",
                    "Completed by the demo provider.", 1, null);
            later.after(properties.acknowledgeAfter(), () -> update(providerId, serviceRequestId, webhookId,
                    "acknowledged", "DEMO-ACK", "Received by the demo provider; a crew will be scheduled.", 1, fix));
        }
        return Verdict.ACCEPTED;
    }

    private boolean verified(WebhookEndpoint endpoint, String body, Map<String, List<String>> headers) {
        for (EndpointSecret secret : endpoint.signingSecrets(clock.instant())) {
            try {
                new Webhook(secret.secret()).verify(body, headers);
                return true;
            } catch (WebhookVerificationException | IllegalArgumentException e) {
                // not this secret: try the next (during a rotation the provider holds two)
            }
        }
        return false;
    }

    /** Posts one update; once the hub takes it, {@code then} follows after the rest of the fix time. */
    private void update(String providerId, String serviceRequestId, String webhookId, String status, String code,
                        String description, int attempt, Runnable then) {
        if (cancelled.contains(providerId + "|" + serviceRequestId)) {
            return;
        }
        ProviderUpdate update = new ProviderUpdate("demo-" + webhookId + "-" + status, status, code, description,
                clock.instant().toString());
        int answer;
        try {
            answer = hub.post(providerId, serviceRequestId, update);
        } catch (IOException e) {
            log.warn("demo provider {}: could not post {} for {}: {}", providerId, status, serviceRequestId, e.getMessage());
            answer = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (answer >= 200 && answer < 300) {
            log.info("demo provider {}: posted {} for {}", providerId, status, serviceRequestId);
            if (then != null) {
                Duration rest = properties.fixAfter().minus(properties.acknowledgeAfter());
                later.after(rest.isNegative() ? Duration.ZERO : rest, then);
            }
        } else if (attempt < properties.attempts() && answer != 400 && answer != 409) {
            later.after(properties.retryAfter(), () -> update(providerId, serviceRequestId, webhookId, status, code,
                    description, attempt + 1, then));
        } else {
            log.warn("demo provider {}: the hub did not take {} for {} (HTTP {}); giving up", providerId, status,
                    serviceRequestId, answer);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().isEmpty() ? null : entry.getValue().get(0)).findFirst().orElse(null);
    }
}
