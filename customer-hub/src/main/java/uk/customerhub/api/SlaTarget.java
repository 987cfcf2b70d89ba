package uk.customerhub.api;

/** The two service level targets of a service request: the provider's first response, and the request resolved. */
public enum SlaTarget {
    RESPONSE,
    RESOLUTION
}
