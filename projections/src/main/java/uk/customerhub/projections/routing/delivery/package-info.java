/**
 * Delivery of service requests to their providers by webhook (Standard Webhooks v1): the outbox and the delivery log.
 * <p>
 * {@link uk.customerhub.projections.routing.delivery.WebhookOutbox} follows the routing events and writes one
 * {@link uk.customerhub.projections.routing.delivery.Delivery} per webhook to send — {@code service_request.routed}
 * to the provider a request was routed to, {@code service_request.cancelled} to the one it was re-routed away from —
 * with the payload fixed when it is written, so every retry sends the same bytes under the same {@code webhook-id}.
 * {@link uk.customerhub.projections.routing.delivery.DeliveryRequestDetails} keeps, per service request, only what
 * that payload needs (from {@code ServiceRequestRaised} and its contact). Sending, signing and the retry poller live in
 * infra; {@link uk.customerhub.projections.routing.delivery.RetrySchedule} says when to try again.
 * <p>
 * Storage ({@link uk.customerhub.projections.routing.delivery.Deliveries}): the delivery log is one document per
 * webhook keyed by its webhook id (never scanned); a per-request index lists a request's webhook ids; the outbox
 * proper ({@value uk.customerhub.projections.routing.delivery.Deliveries#OUTBOX}) holds one small document per
 * delivery still pending — the only collection scanned, for {@code dueAt <= now}, so it stays as small as the work in
 * hand; deliveries the hub gave up on are also listed as dead letters for ADMIN until redelivered. Webhook endpoints
 * ({@link uk.customerhub.projections.routing.delivery.WebhookEndpoints}) are keyed by provider id.
 */
package uk.customerhub.projections.routing.delivery;
