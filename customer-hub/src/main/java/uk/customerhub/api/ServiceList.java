package uk.customerhub.api;

import java.util.List;

/** Services of the catalogue, each in its current version. */
public record ServiceList(List<ServiceDefinition> services) {
    public ServiceList {
        services = List.copyOf(services);
    }
}
