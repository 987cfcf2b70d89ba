package uk.customerhub.api;

/** Why a task is on the staff worklist: a service level target breached, or a request the hub could not deliver to its provider. */
public enum TaskKind {
    SLA_BREACHED,
    DELIVERY_FAILED
}
