package uk.customerhub.api;

/** The kinds of user the hub serves; taken from token claims at the edge. */
public enum Role {
    RESIDENT,
    AGENT,
    SPECIALIST,
    PROVIDER,
    CHANNEL,
    ANALYST,
    ADMIN
}
