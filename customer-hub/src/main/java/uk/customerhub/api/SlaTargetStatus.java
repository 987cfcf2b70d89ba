package uk.customerhub.api;

/** Where a service level target stands: running, stopped while the provider awaits the customer, met in time, or breached. */
public enum SlaTargetStatus {
    RUNNING,
    PAUSED,
    MET,
    BREACHED
}
