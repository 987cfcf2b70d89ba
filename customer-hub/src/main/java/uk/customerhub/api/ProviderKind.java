package uk.customerhub.api;

/** Who delivers a service: one of the council's own teams, or a partner organisation under contract. */
public enum ProviderKind {
    INTERNAL_TEAM,
    PARTNER
}
