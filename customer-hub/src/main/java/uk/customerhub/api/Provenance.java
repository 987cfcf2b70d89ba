package uk.customerhub.api;

import java.util.List;

/**
 * Metadata keys that say who acted. Every command carries them and every event inherits them, so the record shows
 * for each entry: the acting user or system, their role, on whose behalf, on which channel, the identity level of
 * their sign-in, their organisation, the correlation id of the request and its idempotency key.
 */
public final class Provenance {
    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String ON_BEHALF_OF = "onBehalfOf";
    public static final String CHANNEL = "channel";
    public static final String IDENTITY_LEVEL = "identityLevel";
    public static final String ORGANISATION = "organisation";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    /** Every key, in the order above. */
    public static final List<String> KEYS = List.of(
            ACTOR, ROLE, ON_BEHALF_OF, CHANNEL, IDENTITY_LEVEL, ORGANISATION, CORRELATION_ID, IDEMPOTENCY_KEY);

    /** The organisation a record belongs to unless said otherwise. */
    public static final String DEFAULT_ORGANISATION = "council";

    private Provenance() {
    }
}
