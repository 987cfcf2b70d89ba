package uk.customerhub.api;

import java.time.Instant;

/** A service request that is not yet closed, as shown on the single view. */
public record OpenServiceRequest(String serviceRequestId,
                                 String contactId,
                                 String serviceCode,
                                 String status,
                                 String description,
                                 Instant raisedAt,
                                 Visibility visibility,
                                 Specialism specialism) {
}
