package uk.customerhub.api;

/**
 * The router chose the provider who delivers the service request: from now on it is the request's single owner.
 * Visibility and specialism are the request's own, so what follows the route (delivery, the provider's view) can
 * keep a restricted case restricted without reading the request again.
 */
public record ServiceRequestRouted(String customerId,
                                   String serviceRequestId,
                                   String serviceCode,
                                   String providerId,
                                   RoutingDecision decision,
                                   Visibility visibility,
                                   Specialism specialism) {
}
