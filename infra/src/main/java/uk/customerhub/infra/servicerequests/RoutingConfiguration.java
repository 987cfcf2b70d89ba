package uk.customerhub.infra.servicerequests;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.catalogue.ServiceCatalogue;
import uk.customerhub.identity.UniqueKeys;
import uk.customerhub.projections.routing.ServiceRequestRouter;

/**
 * The router ("service-request-router" tracking processor, see application.yml): decides each service request's
 * provider from the catalogue and records the decision on the customer's record. Its handler is replay-disallowed.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    /** Whose record a service request is on (for providers calling back with only its id). */
    @Bean
    ServiceRequestOwners serviceRequestOwners(UniqueKeys uniqueKeys) {
        return new ServiceRequestOwners(uniqueKeys);
    }

    @Bean
    ServiceRequestRouter serviceRequestRouter(ServiceCatalogue catalogue, CommandGateway commandGateway) {
        return new ServiceRequestRouter(catalogue, commandGateway);
    }
}
