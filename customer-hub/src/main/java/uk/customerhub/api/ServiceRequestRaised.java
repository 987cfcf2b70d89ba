package uk.customerhub.api;

/**
 * A service request was raised through contact {@code contactId}. {@code personal} holds description, answers and
 * location. {@code serviceVersion} is the version of the service definition it was raised against and
 * {@code customerCategory} the customer's category then (routing may depend on it); both are null in events stored
 * before the catalogue existed.
 */
public record ServiceRequestRaised(String customerId,
                                   String serviceRequestId,
                                   String contactId,
                                   String serviceCode,
                                   Visibility visibility,
                                   Specialism specialism,
                                   ServiceRequestDetails personal,
                                   Integer serviceVersion,
                                   CustomerCategory customerCategory) {
}
