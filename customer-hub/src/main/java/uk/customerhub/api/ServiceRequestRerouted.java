package uk.customerhub.api;

/**
 * Staff moved the service request from one provider to another; the previous provider is told the request is
 * cancelled for them, the new one receives it as if newly routed.
 */
public record ServiceRequestRerouted(String customerId,
                                     String serviceRequestId,
                                     String serviceCode,
                                     String fromProviderId,
                                     String toProviderId,
                                     String reason,
                                     Visibility visibility,
                                     Specialism specialism) {
}
