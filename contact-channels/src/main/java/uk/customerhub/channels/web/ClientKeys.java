package uk.customerhub.channels.web;

import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Limits;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids for new contacts and service requests. A client that retries sends the same id in the body, or the same
 * {@code Idempotency-Key} header, and gets the same id (so the same contact); without either, each call makes a new one.
 */
public final class ClientKeys {
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

    private ClientKeys() {
    }

    /** {@code given} if present; else derived from the idempotency key within {@code scope}; else a fresh id. */
    public static String idFor(String prefix, String given, String idempotencyKey, String scope) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            if (idempotencyKey.length() > Limits.SHORT_TEXT) {
                throw new InvalidInputException(IDEMPOTENCY_KEY_HEADER, "must be at most " + Limits.SHORT_TEXT + " characters");
            }
            return prefix + UUID.nameUUIDFromBytes((prefix + "|" + scope + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        }
        return prefix + UUID.randomUUID();
    }
}
