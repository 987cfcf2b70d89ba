package uk.customerhub.api;

import java.time.Instant;
import java.util.List;

/**
 * A service request as shown on the single view: open ones, and the few most recently finished ones (with their final
 * status). {@code status} is "open" until its provider reports otherwise (Open311's words); {@code providerId} is the
 * provider it is routed to (null until routed); {@code updates} are the provider's status updates, newest first (the
 * most recent ones); {@code serviceLevel} its targets once routed.
 */
public record OpenServiceRequest(String serviceRequestId,
                                 String contactId,
                                 String serviceCode,
                                 String status,
                                 String description,
                                 Instant raisedAt,
                                 Visibility visibility,
                                 Specialism specialism,
                                 String providerId,
                                 Instant statusUpdatedAt,
                                 List<ServiceRequestUpdate> updates,
                                 ServiceLevelView serviceLevel) {
    public OpenServiceRequest {
        updates = updates == null ? List.of() : List.copyOf(updates);
    }

    /** As first shown: raised, open, not yet routed. */
    public OpenServiceRequest(String serviceRequestId, String contactId, String serviceCode, String status,
                              String description, Instant raisedAt, Visibility visibility, Specialism specialism) {
        this(serviceRequestId, contactId, serviceCode, status, description, raisedAt, visibility, specialism, null, null,
                List.of(), null);
    }
}
