package uk.customerhub.api;

import java.time.Instant;

/** A provider reported progress on a service request routed to it. */
public record ServiceRequestStatusUpdated(String customerId,
                                          String serviceRequestId,
                                          String providerId,
                                          String updateId,
                                          ServiceRequestStatus status,
                                          String externalStatusCode,
                                          Instant updatedAt,
                                          StatusNote personal) {
}
