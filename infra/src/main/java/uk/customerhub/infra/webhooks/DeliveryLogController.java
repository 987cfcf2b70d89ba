package uk.customerhub.infra.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.Require;
import uk.customerhub.channels.web.NotFoundException;
import uk.customerhub.projections.routing.delivery.Deliveries;
import uk.customerhub.projections.routing.delivery.Delivery;
import uk.customerhub.projections.routing.delivery.WebhookPayloads;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ADMIN: the delivery log of a service request (every webhook about it, with its attempts: when, HTTP status,
 * latency, error), manual redelivery, and the dead letters — deliveries the hub gave up on.
 */
@RestController
@RequestMapping("/admin")
@Tag(name = "Webhook delivery (ADMIN)")
@SecurityRequirement(name = "bearer")
public class DeliveryLogController {
    private final Deliveries deliveries;
    private final Clock clock;

    public DeliveryLogController(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Operation(summary = "Every webhook sent about a service request, with its attempts")
    @GetMapping("/service-requests/{serviceRequestId}/deliveries")
    public Map<String, Object> deliveries(@PathVariable String serviceRequestId) {
        Require.id("serviceRequestId", serviceRequestId);
        return Map.of("serviceRequestId", serviceRequestId,
                "deliveries", deliveries.ofRequest(serviceRequestId).stream().map(DeliveryLogController::view).toList());
    }

    @Operation(summary = "Send a webhook again now, with a fresh retry schedule and the same webhook-id")
    @PostMapping("/service-requests/{serviceRequestId}/deliveries/{webhookId}/redelivery")
    public ResponseEntity<Map<String, Object>> redeliver(@PathVariable String serviceRequestId, @PathVariable String webhookId) {
        Require.id("serviceRequestId", serviceRequestId);
        Require.id("webhookId", webhookId);
        boolean ours = deliveries.find(webhookId).map(delivery -> delivery.serviceRequestId().equals(serviceRequestId)).orElse(false);
        if (!ours) {
            throw new NotFoundException("no delivery " + webhookId + " about " + serviceRequestId);
        }
        Delivery queued = deliveries.redeliver(webhookId, clock.instant()).orElseThrow();
        return ResponseEntity.accepted().body(view(queued));
    }

    @Operation(summary = "Deliveries the hub gave up on (attempts exhausted or endpoint disabled), most recent first")
    @GetMapping("/webhook-dead-letters")
    public List<Map<String, Object>> deadLetters(@RequestParam(defaultValue = "50") int limit) {
        return deliveries.deadLetters(Math.max(1, Math.min(limit, 500))).stream().map(DeliveryLogController::view).toList();
    }

    private static Map<String, Object> view(Document letter) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("webhookId", letter.getString("_id"));
        view.put("serviceRequestId", letter.getString("serviceRequestId"));
        view.put("providerId", letter.getString("providerId"));
        view.put("type", letter.getString("type"));
        view.put("status", letter.getString("status"));
        view.put("attempts", letter.getInteger("attempts"));
        view.put("lastError", letter.getString("lastError"));
        view.put("failedAt", letter.getDate("failedAt").toInstant());
        return view;
    }

    static Map<String, Object> view(Delivery delivery) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("webhookId", delivery.webhookId());
        view.put("type", delivery.type());
        view.put("providerId", delivery.providerId());
        view.put("status", delivery.status());
        view.put("attempts", delivery.attempts());
        view.put("createdAt", delivery.createdAt());
        view.put("nextAttemptAt", delivery.nextAttemptAt());
        view.put("completedAt", delivery.completedAt());
        view.put("lastError", delivery.lastError());
        view.put("failureRecorded", delivery.failureRecorded());
        view.put("payloadBytes", WebhookPayloads.size(delivery.payload()));
        view.put("attemptLog", delivery.attemptLog().stream().map(attempt -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", attempt.number());
            entry.put("at", attempt.at());
            entry.put("statusCode", attempt.statusCode());
            entry.put("latencyMillis", attempt.latencyMillis());
            entry.put("error", attempt.error());
            return entry;
        }).toList());
        view.values().removeIf(value -> value == null);
        return view;
    }
}
