package uk.customerhub.api;

/** Who put a contact on the record: the customer self-serving, a member of staff assisting them, or a channel system. */
public enum RecorderKind {
    SELF_SERVICE,
    ASSISTED,
    SYSTEM
}
