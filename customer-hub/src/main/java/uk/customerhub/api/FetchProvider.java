package uk.customerhub.api;

/** One provider by id; an empty result when there is none. */
public record FetchProvider(String providerId) {
    public FetchProvider {
        Require.id("providerId", providerId);
    }
}
