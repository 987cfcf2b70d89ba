package uk.customerhub.api;

/** Every provider of the catalogue, by id. Answers a {@link ProviderList}. */
public record FindProviders() {
}
