package uk.customerhub.api;

import java.util.Locale;

/**
 * Where a service request stands, in mySociety's Open311 update vocabulary ({@code servicerequestupdates}): what a
 * provider reports back. {@link #wireName()} is the vocabulary's own spelling ({@code action_scheduled}).
 */
public enum ServiceRequestStatus {
    OPEN,
    ACKNOWLEDGED,
    INVESTIGATING,
    ACTION_SCHEDULED,
    IN_PROGRESS,
    FIXED,
    CLOSED,
    DUPLICATE,
    NOT_COUNCILS_RESPONSIBILITY,
    NO_FURTHER_ACTION,
    INTERNAL_REFERRAL,
    REOPEN;

    /** The Open311 spelling: lower case with underscores. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the Open311 spelling (any case); an unknown status is invalid input naming {@code field}. */
    public static ServiceRequestStatus fromWireName(String field, String value) {
        Require.present(field, value);
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of open, acknowledged, investigating, action_scheduled, "
                    + "in_progress, fixed, closed, duplicate, not_councils_responsibility, no_further_action, "
                    + "internal_referral, reopen");
        }
    }

    /** Whether the request is finished with once a provider reports this status (Open311's "closed" group). */
    public boolean closes() {
        return switch (this) {
            case FIXED, CLOSED, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, NO_FURTHER_ACTION, INTERNAL_REFERRAL -> true;
            default -> false;
        };
    }
}
