package uk.customerhub.projections.routing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.RouteServiceRequest;
import uk.customerhub.api.RoutingRules;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.catalogue.ServiceCatalogue;

import java.util.UUID;

/**
 * The router: the process that gives every service request raised exactly one owner. For each
 * {@link ServiceRequestRaised} it reads the service's routing rules from the catalogue, chooses the provider (the first
 * rule whose conditions — answers, postcode district, customer category — hold, else the default) and sends
 * {@link RouteServiceRequest} with the decision, which the customer's record stores as {@code ServiceRequestRouted}.
 * <p>
 * Never re-routes: the handler is replay-disallowed, and the record ignores a second route of the same request, so
 * an event delivered again after a crash changes nothing. The decision names the router as its actor; the rest of
 * who acted (organisation, correlation id, on whose behalf) comes from the request. A request whose service has no routing rules fails here
 * and waits in this processing group's dead-letter queue, where an administrator sees it.
 */
@ProcessingGroup(ServiceRequestRouter.PROCESSING_GROUP)
public class ServiceRequestRouter {
    /** The processing group (tracking event processor) of the router. */
    public static final String PROCESSING_GROUP = "service-request-router";
    /** The actor routing decisions name. */
    public static final String ACTOR = "system:router";
    /** The role its decisions name (the hub itself, not a person): replaces the role inherited from the request. */
    public static final String SYSTEM_ROLE = "SYSTEM";

    private final ServiceCatalogue catalogue;
    private final CommandGateway commands;

    public ServiceRequestRouter(ServiceCatalogue catalogue, CommandGateway commands) {
        this.catalogue = catalogue;
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    public void on(ServiceRequestRaised event, @MetaDataValue(Provenance.ORGANISATION) String organisation,
                   @MetaDataValue(Provenance.CORRELATION_ID) String correlationId) {
        RoutingRules rules = catalogue.routingRules(event.serviceCode()).orElseThrow(() -> new IllegalStateException(
                "service " + event.serviceCode() + " has no routing rules: service request " + event.serviceRequestId()
                        + " cannot be routed until an administrator sets them and retries this dead letter"));
        RoutingRules.Route route = rules.decide(event.personal(), event.customerCategory(),
                event.serviceVersion() == null ? 0 : event.serviceVersion());
        commands.sendAndWait(new RouteServiceRequest(event.customerId(), event.serviceRequestId(), route.providerId(),
                        route.decision()),
                MetaData.with(Provenance.ACTOR, ACTOR)
                        .and(Provenance.ROLE, SYSTEM_ROLE)
                        .and(Provenance.ON_BEHALF_OF, event.customerId())
                        .and(Provenance.ORGANISATION, organisation == null ? Provenance.DEFAULT_ORGANISATION : organisation)
                        .and(Provenance.CORRELATION_ID, correlationId == null ? UUID.randomUUID().toString() : correlationId));
    }
}
