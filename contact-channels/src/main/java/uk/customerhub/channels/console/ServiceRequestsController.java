package uk.customerhub.channels.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.PauseSlaClock;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RerouteServiceRequest;
import uk.customerhub.api.Require;
import uk.customerhub.api.ResumeSlaClock;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.Provenances;

/**
 * Hub staff steering a customer's service request after it was raised: re-route it to another provider (the previous
 * one is told it is cancelled for them), and pause or resume its service level clock while the provider awaits the
 * customer. Each answers the record's receipt; sending the same again changes nothing.
 */
@RestController
@RequestMapping("/console/customers/{customerId}/service-requests/{serviceRequestId}")
@Tag(name = "Agent console")
@SecurityRequirement(name = "bearer")
public class ServiceRequestsController {
    private final CommandGateway commands;

    public ServiceRequestsController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Re-route a service request to another provider ({providerId, reason})")
    @PostMapping("/reroute")
    public Receipt reroute(Authentication authentication, @PathVariable String customerId,
                           @PathVariable String serviceRequestId, @RequestBody RerouteRequest request,
                           @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        return commands.sendAndWait(new RerouteServiceRequest(customerId, serviceRequestId, request.providerId(), request.reason()),
                Provenances.of(caller, customerId, null, correlationId, null));
    }

    @Operation(summary = "Pause the service level clock while the provider awaits the customer ({reason})")
    @PostMapping("/sla/pause")
    public Receipt pause(Authentication authentication, @PathVariable String customerId,
                         @PathVariable String serviceRequestId, @RequestBody SlaPauseRequest request,
                         @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        return commands.sendAndWait(new PauseSlaClock(customerId, serviceRequestId, request.reason()),
                Provenances.of(caller, customerId, null, correlationId, null));
    }

    @Operation(summary = "Resume a paused service level clock: its due dates move on by the working days it was paused")
    @PostMapping("/sla/resume")
    public Receipt resume(Authentication authentication, @PathVariable String customerId,
                          @PathVariable String serviceRequestId,
                          @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        return commands.sendAndWait(new ResumeSlaClock(customerId, serviceRequestId),
                Provenances.of(caller, customerId, null, correlationId, null));
    }
}
