package uk.customerhub.infra.catalogue;

import org.axonframework.queryhandling.QueryHandler;
import uk.customerhub.api.FetchProvider;
import uk.customerhub.api.FetchRoutingRules;
import uk.customerhub.api.FetchServiceDefinition;
import uk.customerhub.api.FindProviders;
import uk.customerhub.api.FindServices;
import uk.customerhub.api.Provider;
import uk.customerhub.api.ProviderList;
import uk.customerhub.api.RoutingRules;
import uk.customerhub.api.ServiceDefinition;
import uk.customerhub.api.ServiceList;

import java.util.Optional;

/**
 * The catalogue's queries, for the channels (Open311, the portal) and anyone else who reads it through the query
 * bus: the services, one service's definition (current or a given version), providers and routing rules.
 */
public class CatalogueQueries {
    private final MongoServiceCatalogue catalogue;

    public CatalogueQueries(MongoServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @QueryHandler
    public ServiceList handle(FindServices query) {
        return new ServiceList(catalogue.services());
    }

    @QueryHandler
    public Optional<ServiceDefinition> handle(FetchServiceDefinition query) {
        return query.version() == null
                ? catalogue.service(query.serviceCode())
                : catalogue.service(query.serviceCode(), query.version());
    }

    @QueryHandler
    public ProviderList handle(FindProviders query) {
        return new ProviderList(catalogue.providers());
    }

    @QueryHandler
    public Optional<Provider> handle(FetchProvider query) {
        return catalogue.provider(query.providerId());
    }

    @QueryHandler
    public Optional<RoutingRules> handle(FetchRoutingRules query) {
        return catalogue.routingRules(query.serviceCode());
    }
}
