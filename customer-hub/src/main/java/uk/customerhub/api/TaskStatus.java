package uk.customerhub.api;

/** Whether a worklist task still needs doing. */
public enum TaskStatus {
    OPEN,
    COMPLETED
}
