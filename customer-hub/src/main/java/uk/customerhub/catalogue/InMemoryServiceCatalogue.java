package uk.customerhub.catalogue;

import uk.customerhub.api.Provider;
import uk.customerhub.api.RoutingRules;
import uk.customerhub.api.ServiceDefinition;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A catalogue held in memory: for tests and tools that run the customer record without a database. */
public final class InMemoryServiceCatalogue implements ServiceCatalogue {
    private final Map<String, ServiceDefinition> versions = new ConcurrentHashMap<>();
    private final Map<String, ServiceDefinition> current = new ConcurrentHashMap<>();
    private final Map<String, RoutingRules> rules = new ConcurrentHashMap<>();
    private final Map<String, Provider> providers = new ConcurrentHashMap<>();

    /** Adds a version of a service; the highest version added is its current one. */
    public InMemoryServiceCatalogue with(ServiceDefinition service) {
        versions.put(service.serviceCode() + "@" + service.version(), service);
        current.merge(service.serviceCode(), service, (old, added) -> added.version() >= old.version() ? added : old);
        return this;
    }

    public InMemoryServiceCatalogue with(RoutingRules routing) {
        rules.merge(routing.serviceCode(), routing, (old, added) -> added.version() >= old.version() ? added : old);
        return this;
    }

    public InMemoryServiceCatalogue with(Provider provider) {
        providers.put(provider.providerId(), provider);
        return this;
    }

    @Override
    public Optional<ServiceDefinition> service(String serviceCode) {
        return Optional.ofNullable(current.get(serviceCode));
    }

    @Override
    public Optional<ServiceDefinition> service(String serviceCode, int version) {
        return Optional.ofNullable(versions.get(serviceCode + "@" + version));
    }

    @Override
    public Optional<RoutingRules> routingRules(String serviceCode) {
        return Optional.ofNullable(rules.get(serviceCode));
    }

    @Override
    public Optional<Provider> provider(String providerId) {
        return Optional.ofNullable(providers.get(providerId));
    }
}
