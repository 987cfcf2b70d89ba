package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the router's decision: the service request goes to {@code providerId}. Sent once per request by the router;
 * a repeat (a replayed or redelivered event) is a no-op answering the first decision's receipt.
 */
public record RouteServiceRequest(@TargetAggregateIdentifier String customerId,
                                  String serviceRequestId,
                                  String providerId,
                                  RoutingDecision decision) {
    public RouteServiceRequest {
        Require.id("customerId", customerId);
        Require.id("serviceRequestId", serviceRequestId);
        Require.id("providerId", providerId);
        Require.present("decision", decision);
    }
}
