package uk.customerhub.channels.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.FetchServiceDefinition;
import uk.customerhub.api.FindServices;
import uk.customerhub.api.ServiceDefinition;
import uk.customerhub.api.ServiceList;
import uk.customerhub.channels.web.NotFoundException;

/**
 * The services a resident (on the portal) or an agent (in the console) can raise a request for, with the questions
 * each asks: what a request's {@code serviceCode} and {@code attributes} must match.
 */
@RestController
@Tag(name = "Resident portal")
@SecurityRequirement(name = "bearer")
public class ServicesController {
    private final QueryGateway queries;

    public ServicesController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The services of the catalogue, current versions")
    @GetMapping({"/portal/services", "/console/services"})
    public ServiceList services() {
        return queries.query(new FindServices(), ServiceList.class).join();
    }

    @Operation(summary = "One service and its questions")
    @GetMapping({"/portal/services/{serviceCode}", "/console/services/{serviceCode}"})
    public ServiceDefinition service(@PathVariable String serviceCode) {
        return queries.query(FetchServiceDefinition.current(serviceCode), ResponseTypes.optionalInstanceOf(ServiceDefinition.class))
                .join().orElseThrow(() -> new NotFoundException("no service " + serviceCode));
    }
}
