package uk.customerhub.api;

/**
 * Whose record a service request is on, from its id alone (service request ids are unique across the hub): what a
 * provider calling back about a request needs before it can send its update to the customer's record. Answers an
 * empty result for an id nobody holds. The answer says nothing of who may act on the request: the record decides.
 */
public record FetchServiceRequestOwner(String serviceRequestId) {
    public FetchServiceRequestOwner {
        Require.id("serviceRequestId", serviceRequestId);
    }
}
