package uk.customerhub.api;

/** Where a statutory clock stands: running, past its due date without an answer, or stopped. */
public enum StatutoryClockStatus {
    OPEN,
    OVERDUE,
    STOPPED
}
