package uk.customerhub.infra.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.channels.web.NotFoundException;
import uk.customerhub.projections.routing.delivery.WebhookEndpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ADMIN: each provider's webhook endpoint — where the hub sends its service requests, whether it does, and the
 * signing secrets (shown in full once, when made; after that only their first characters).
 */
@RestController
@RequestMapping("/admin/providers/{providerId}/webhook-endpoint")
@Tag(name = "Webhook delivery (ADMIN)")
@SecurityRequirement(name = "bearer")
public class WebhookEndpointController {
    private final WebhookEndpointAdministration administration;

    public WebhookEndpointController(WebhookEndpointAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "The provider's webhook endpoint (secrets masked)")
    @GetMapping
    public Map<String, Object> endpoint(@PathVariable String providerId) {
        return view(administration.find(providerId)
                .orElseThrow(() -> new NotFoundException("no webhook endpoint for " + providerId)), null);
    }

    @Operation(summary = "Create the provider's endpoint (201, with its new secret in full, once) or change its URL and enabled")
    @PutMapping
    public ResponseEntity<Map<String, Object>> configure(@PathVariable String providerId,
                                                         @RequestBody WebhookEndpointRequest request) {
        WebhookEndpointAdministration.Outcome outcome = administration.configure(providerId, request);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view(outcome.endpoint(), outcome.newSecret()));
    }

    @Operation(summary = "Rotate the signing secret: the new one (in full, once) signs from now; the old one too until it expires")
    @PostMapping("/secret-rotation")
    public ResponseEntity<Map<String, Object>> rotate(@PathVariable String providerId,
                                                      @RequestBody(required = false) SecretRotationRequest request) {
        WebhookEndpointAdministration.Outcome outcome = administration.rotate(providerId,
                request == null ? null : request.previousSecretValidFor());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(outcome.endpoint(), outcome.newSecret()));
    }

    static Map<String, Object> view(WebhookEndpoint endpoint, String newSecret) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("providerId", endpoint.providerId());
        view.put("url", endpoint.url());
        view.put("enabled", endpoint.enabled());
        if (endpoint.disabledReason() != null) {
            view.put("disabledReason", endpoint.disabledReason());
        }
        view.put("secrets", endpoint.secrets().stream().map(secret -> {
            Map<String, Object> masked = new LinkedHashMap<>();
            masked.put("secret", secret.masked());
            masked.put("createdAt", secret.createdAt());
            if (secret.expiresAt() != null) {
                masked.put("expiresAt", secret.expiresAt());
            }
            return masked;
        }).toList());
        view.put("updatedAt", endpoint.updatedAt());
        if (newSecret != null) {
            view.put("newSecret", newSecret);
        }
        return view;
    }
}
