package uk.customerhub.api;

/** A service request was raised through contact {@code contactId}. {@code personal} holds description, answers and location. */
public record ServiceRequestRaised(String customerId,
                                   String serviceRequestId,
                                   String contactId,
                                   String serviceCode,
                                   Visibility visibility,
                                   Specialism specialism,
                                   ServiceRequestDetails personal) {
}
