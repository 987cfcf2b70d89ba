package uk.customerhub.catalogue;

import uk.customerhub.api.Provider;
import uk.customerhub.api.RoutingRules;
import uk.customerhub.api.ServiceDefinition;

import java.util.Optional;

/**
 * The council's service catalogue as the domain reads it: services (each version kept, so a request can always be
 * read against the definition it was raised on), their routing rules, and the providers. An injectable resource of
 * the customer record's command handlers, like {@code UniqueKeys}; infra keeps it in MongoDB.
 */
public interface ServiceCatalogue {

    /** The current version of a service, or empty when the catalogue has no such service. */
    Optional<ServiceDefinition> service(String serviceCode);

    /** One version of a service, or empty. */
    Optional<ServiceDefinition> service(String serviceCode, int version);

    /** The current routing rules of a service, or empty when it has none. */
    Optional<RoutingRules> routingRules(String serviceCode);

    /** A provider, or empty. */
    Optional<Provider> provider(String providerId);
}
