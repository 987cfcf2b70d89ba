package uk.customerhub.api;

import java.util.Locale;

/** How a service's requests are handled, in Open311's words: at once ({@code realtime}), in batches, or out of sight ({@code blackbox}). */
public enum ServiceType {
    REALTIME,
    BATCH,
    BLACKBOX;

    /** The Open311 spelling, lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
