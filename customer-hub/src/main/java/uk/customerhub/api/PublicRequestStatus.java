package uk.customerhub.api;

import java.util.Locale;

/**
 * Whether a service request is still being dealt with, as the public sees it (Open311 GeoReport's {@code status}):
 * open until a provider reports a status that closes it ({@link ServiceRequestStatus#closes()}), open again when
 * reopened.
 */
public enum PublicRequestStatus {
    OPEN,
    CLOSED;

    /** The Open311 spelling, lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PublicRequestStatus of(ServiceRequestStatus status) {
        return status.closes() ? CLOSED : OPEN;
    }
}
