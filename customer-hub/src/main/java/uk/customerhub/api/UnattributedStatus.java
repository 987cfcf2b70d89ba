package uk.customerhub.api;

/** Where an unattributed contact stands: waiting in its queue, attached to a customer's record, or closed. */
public enum UnattributedStatus {
    OPEN,
    ATTACHED,
    CLOSED
}
