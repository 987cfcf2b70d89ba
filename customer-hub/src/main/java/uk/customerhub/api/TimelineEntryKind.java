package uk.customerhub.api;

/** What a timeline entry records. */
public enum TimelineEntryKind {
    CONTACT,
    SERVICE_REQUEST
}
