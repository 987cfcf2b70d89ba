package uk.customerhub.api;

/** How a contact ended. */
public enum Outcome {
    RESOLVED_FIRST_CONTACT,
    SIGNPOSTED,
    SERVICE_REQUEST_RAISED,
    TRANSFERRED_TO_SPECIALIST,
    CALLBACK_ARRANGED,
    NO_ACTION
}
