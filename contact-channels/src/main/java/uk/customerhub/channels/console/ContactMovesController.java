package uk.customerhub.channels.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.CustomerMergedException;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.MoveContact;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.ReceiveMovedContact;
import uk.customerhub.api.Require;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.NotFoundException;
import uk.customerhub.channels.web.Provenances;

/**
 * Moving one contact to another record, for staff who have found it belongs to another person (typically after an
 * unmerge: a contact that arrived on the survivor while merged). The move is recorded on the record the contact
 * leaves first ({@code ContactMovedOut}: its history still shows the contact, marked as moved and where to), then on
 * the destination ({@code ContactMovedIn}: its single view shows the contact, with the service request raised through
 * it and its statutory clocks). Both steps answer a retry with their first receipt; should the request stop in
 * between, the hub completes the move itself ({@code MergeAndMoveCompletion} in projections).
 * <p>
 * A destination merged into another record takes nothing new: refused (409, naming the survivor) before anything
 * moves.
 */
@RestController
@Tag(name = "Agent console")
@SecurityRequirement(name = "bearer")
public class ContactMovesController {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public ContactMovesController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Move a contact (with the service request raised through it) to another record (toCustomerId, reason)")
    @PostMapping("/console/customers/{fromId}/contacts/{contactId}/move")
    @ResponseStatus(HttpStatus.OK)
    public MoveReceipt move(Authentication authentication, @PathVariable String fromId, @PathVariable String contactId,
                            @RequestBody MoveRequest request,
                            @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        MoveContact out = new MoveContact(fromId, contactId, request.toCustomerId(), request.reason());
        ReceiveMovedContact in = new ReceiveMovedContact(request.toCustomerId(), contactId, fromId, request.reason());
        visible(caller, fromId);
        CustomerView destination = visible(caller, request.toCustomerId());
        if (destination.mergedInto() != null) {
            throw new CustomerMergedException(destination.customerId(), destination.mergedInto());
        }
        Receipt from = commands.sendAndWait(out, provenance(caller, fromId, correlationId));
        Receipt to = commands.sendAndWait(in, provenance(caller, request.toCustomerId(), correlationId));
        return MoveReceipt.of(from, to);
    }

    private CustomerView visible(Caller caller, String customerId) {
        return queries.query(new FetchCustomerView(customerId, caller.asViewer(), null),
                        ResponseTypes.optionalInstanceOf(CustomerView.class)).join()
                .orElseThrow(() -> new NotFoundException("no customer " + customerId));
    }

    private static MetaData provenance(Caller caller, String customerId, String correlationId) {
        return Provenances.of(caller, customerId, null, correlationId, null);
    }
}
