package uk.customerhub.channels.providers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.FetchServiceRequestOwner;
import uk.customerhub.api.Limits;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.Require;
import uk.customerhub.api.ServiceRequestOwner;
import uk.customerhub.api.ServiceRequestStatus;
import uk.customerhub.api.StatusNote;
import uk.customerhub.api.UnknownServiceRequestException;
import uk.customerhub.api.UpdateServiceRequestStatus;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.Provenances;

/**
 * Providers hearing back: a provider's system posts status updates on the requests routed to it, with a
 * client-credentials token scoped to its provider id. The update goes to the customer's record, which accepts it only
 * from the provider the request is routed to now: any other request — unknown, or routed elsewhere — is a 404 that
 * tells nothing of it. Idempotent on {@code update_id}: the same update again answers the first receipt, the same id
 * with another body is a 409.
 */
@RestController
@RequestMapping("/providers/v1/service-requests")
@Tag(name = "Providers")
@SecurityRequirement(name = "bearer")
public class ProviderUpdatesController {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public ProviderUpdatesController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Post a status update on a service request routed to you (Open311 update vocabulary)")
    @PostMapping("/{serviceRequestId}/updates")
    @ResponseStatus(HttpStatus.CREATED)
    public ProviderUpdateReceipt update(Authentication authentication, @PathVariable String serviceRequestId,
                                        @RequestBody ProviderStatusUpdate update,
                                        @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        ProviderClient provider = ProviderClient.of(authentication);
        Require.present("body", update);
        ServiceRequestStatus status = ServiceRequestStatus.fromWireName("status", update.status());
        Require.id("update_id", update.updateId());
        Require.optionalText("description", update.description(), Limits.SUMMARY);
        ServiceRequestOwner owner = queries.query(new FetchServiceRequestOwner(serviceRequestId),
                        ResponseTypes.optionalInstanceOf(ServiceRequestOwner.class)).join()
                .orElseThrow(() -> new UnknownServiceRequestException(serviceRequestId));
        UpdateServiceRequestStatus command = new UpdateServiceRequestStatus(owner.customerId(), serviceRequestId,
                provider.providerId(), update.updateId(), status, update.externalStatusCode(),
                new StatusNote(update.description()),
                update.updatedDatetime() == null ? null : update.updatedDatetime().toInstant());
        Receipt receipt = commands.sendAndWait(command,
                Provenances.of(provider.caller(), owner.customerId(), null, correlationId, update.updateId()));
        return new ProviderUpdateReceipt(serviceRequestId, update.updateId(), receipt.position());
    }
}
