package uk.customerhub.api;

/**
 * A provider: the team or partner organisation that delivers services and owns the requests routed to it.
 * {@code organisation} is the body it belongs to (the council for its own teams).
 */
public record Provider(String providerId, String name, ProviderKind kind, String organisation) {
    public Provider {
        providerId = Require.id("providerId", providerId);
        name = Require.text("name", name, Limits.SHORT_TEXT);
        Require.present("kind", kind);
        organisation = Require.text("organisation", organisation, Limits.SHORT_TEXT);
    }
}
