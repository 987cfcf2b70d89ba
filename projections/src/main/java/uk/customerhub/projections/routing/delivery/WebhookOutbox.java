package uk.customerhub.projections.routing.delivery;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.ServiceRequestRerouted;
import uk.customerhub.api.ServiceRequestRouted;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Turns routing into webhooks to send: a route queues {@code service_request.routed} to the request's provider; a
 * re-route queues {@code service_request.cancelled} to the provider it was taken from and
 * {@code service_request.routed} to the new one. Each delivery's webhook id is derived from the event's own id, the
 * type and the provider, so a redelivered event queues nothing new ({@link Deliveries#enqueue}); replay-disallowed,
 * so a replay of the processing group sends nothing at all.
 */
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
@DisallowReplay
public class WebhookOutbox {
    /** The processing group (tracking event processor) of the outbox and the request details it reads. */
    public static final String PROCESSING_GROUP = "webhook-outbox";

    private final Deliveries deliveries;
    private final DeliveryRequestDetails details;
    private final Clock clock;

    public WebhookOutbox(Deliveries deliveries, DeliveryRequestDetails details, Clock clock) {
        this.deliveries = deliveries;
        this.details = details;
        this.clock = clock;
    }

    @EventHandler
    public void on(ServiceRequestRouted event, EventMessage<?> message,
                   @MetaDataValue(Provenance.ORGANISATION) String organisation) {
        Document known = details.of(event.serviceRequestId()).orElseGet(Document::new);
        Integer version = event.decision() == null ? null : event.decision().serviceVersion();
        String payload = WebhookPayloads.routed(message.getTimestamp(), event.serviceRequestId(), event.serviceCode(),
                event.providerId(), version, known);
        queue(message, WebhookPayloads.ROUTED, event.serviceRequestId(), event.customerId(), organisation,
                event.providerId(), payload);
    }

    @EventHandler
    public void on(ServiceRequestRerouted event, EventMessage<?> message,
                   @MetaDataValue(Provenance.ORGANISATION) String organisation) {
        if (event.fromProviderId() != null && !event.fromProviderId().equals(event.toProviderId())) {
            queue(message, WebhookPayloads.CANCELLED, event.serviceRequestId(), event.customerId(), organisation,
                    event.fromProviderId(), WebhookPayloads.cancelled(message.getTimestamp(), event.serviceRequestId(),
                            event.serviceCode(), event.fromProviderId()));
        }
        Document known = details.of(event.serviceRequestId()).orElseGet(Document::new);
        queue(message, WebhookPayloads.ROUTED, event.serviceRequestId(), event.customerId(), organisation,
                event.toProviderId(), WebhookPayloads.routed(message.getTimestamp(), event.serviceRequestId(),
                        event.serviceCode(), event.toProviderId(), null, known));
    }

    /** The webhook id of the delivery of type {@code type} to {@code providerId} that event {@code eventId} makes. */
    public static String webhookId(String eventId, String type, String providerId) {
        return "msg_" + UUID.nameUUIDFromBytes((eventId + "|" + type + "|" + providerId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    private void queue(EventMessage<?> message, String type, String serviceRequestId, String customerId,
                       String organisation, String providerId, String payload) {
        deliveries.enqueue(new NewDelivery(webhookId(message.getIdentifier(), type, providerId), type, serviceRequestId,
                customerId, organisation == null ? Provenance.DEFAULT_ORGANISATION : organisation, providerId, payload),
                clock.instant());
    }
}
