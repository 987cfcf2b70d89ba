package uk.customerhub.api;

import java.util.List;

/** Providers of the catalogue. */
public record ProviderList(List<Provider> providers) {
    public ProviderList {
        providers = List.copyOf(providers);
    }
}
