package uk.customerhub.api;

/** Why a statutory clock stopped. */
public enum StatutoryClockStopReason {
    /** The council sent its response. */
    RESPONDED,
    /** The complaint moved on to its next stage, which runs a clock of its own. */
    ESCALATED
}
