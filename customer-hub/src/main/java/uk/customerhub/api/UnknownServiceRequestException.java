package uk.customerhub.api;

/**
 * The record has no such service request — or none the caller may act on (a provider updating a request not routed
 * to it is told the same, so it learns nothing of other providers' requests). HTTP 404.
 */
public class UnknownServiceRequestException extends RuntimeException {
    public UnknownServiceRequestException(String serviceRequestId) {
        super("no service request " + serviceRequestId + " is routed to you here");
    }
}
