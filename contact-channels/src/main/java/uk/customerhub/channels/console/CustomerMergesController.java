package uk.customerhub.channels.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
import uk.customerhub.api.CustomerMergedException;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.MergeCustomerInto;
import uk.customerhub.api.MergeCustomers;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.Require;
import uk.customerhub.api.UnmergeCustomerFrom;
import uk.customerhub.api.UnmergeCustomers;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.NotFoundException;
import uk.customerhub.channels.web.Provenances;

/**
 * Merge and unmerge, for staff who have confirmed that two records are one person (or that they were not). A merge
 * is recorded on the retired record first ({@code CustomerMergedInto}: from then on it takes no new contacts), then on
 * the survivor ({@code CustomersMerged}: its single view shows both histories). Should the survivor refuse (it was
 * itself merged into another record meanwhile), the retired record's merge is undone before answering 409. Both
 * steps answer a retry with their first receipt, so a request that stopped half way is completed by sending it again;
 * the hub completes it by itself too ({@code MergeAndMoveCompletion} in projections).
 * An unmerge goes the other way round: the survivor first, then the retired record.
 */
@RestController
@RequestMapping("/console/customers/{survivorId}/merges")
@Tag(name = "Agent console")
@SecurityRequirement(name = "bearer")
public class CustomerMergesController {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public CustomerMergesController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Merge another record into this one: the same person (retiredCustomerId, reason)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public MergeReceipt merge(Authentication authentication, @PathVariable String survivorId,
                              @RequestBody MergeRequest request,
                              @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        MergeCustomers survivorSide = new MergeCustomers(survivorId, request.retiredCustomerId(), request.reason());
        MergeCustomerInto retiredSide = new MergeCustomerInto(request.retiredCustomerId(), survivorId, request.reason());
        requireVisible(caller, survivorId);
        requireVisible(caller, request.retiredCustomerId());
        Receipt retired = commands.sendAndWait(retiredSide, provenance(caller, retiredSide.customerId(), correlationId));
        Receipt survivor;
        try {
            survivor = commands.sendAndWait(survivorSide, provenance(caller, survivorId, correlationId));
        } catch (CustomerMergedException | AggregateNotFoundException refused) {
            commands.sendAndWait(new UnmergeCustomerFrom(retiredSide.customerId(), survivorId,
                    "merge refused by the surviving record: " + refused.getMessage()),
                    provenance(caller, retiredSide.customerId(), correlationId));
            throw refused;
        }
        return MergeReceipt.of(survivor, retired);
    }

    @Operation(summary = "Undo a merge: both records as they were, contacts recorded since stay on the survivor (reason)")
    @PostMapping("/{retiredId}/unmerge")
    public MergeReceipt unmerge(Authentication authentication, @PathVariable String survivorId,
                                @PathVariable String retiredId, @RequestBody UnmergeRequest request,
                                @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        UnmergeCustomers survivorSide = new UnmergeCustomers(survivorId, retiredId, request.reason());
        UnmergeCustomerFrom retiredSide = new UnmergeCustomerFrom(retiredId, survivorId, request.reason());
        requireVisible(caller, survivorId);
        Receipt survivor = commands.sendAndWait(survivorSide, provenance(caller, survivorId, correlationId));
        Receipt retired = commands.sendAndWait(retiredSide, provenance(caller, retiredId, correlationId));
        return MergeReceipt.of(survivor, retired);
    }

    private void requireVisible(Caller caller, String customerId) {
        queries.query(new FetchCustomerView(customerId, caller.asViewer(), null),
                        ResponseTypes.optionalInstanceOf(CustomerView.class)).join()
                .orElseThrow(() -> new NotFoundException("no customer " + customerId));
    }

    private static MetaData provenance(Caller caller, String customerId, String correlationId) {
        return Provenances.of(caller, customerId, null, correlationId, null);
    }
}
