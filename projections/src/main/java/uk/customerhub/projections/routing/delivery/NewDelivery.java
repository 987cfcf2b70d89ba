package uk.customerhub.projections.routing.delivery;

/** A webhook to queue: who it is for, about which request, and its payload (at most 20 KB). */
public record NewDelivery(String webhookId,
                          String type,
                          String serviceRequestId,
                          String customerId,
                          String organisation,
                          String providerId,
                          String payload) {
}
