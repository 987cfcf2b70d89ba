package uk.customerhub.channels.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.AttachUnattributedContact;
import uk.customerhub.api.CloseUnattributedContact;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.FetchTriageQueue;
import uk.customerhub.api.FetchUnattributedContact;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.Require;
import uk.customerhub.api.TriageQueue;
import uk.customerhub.api.TriageQueuePage;
import uk.customerhub.api.UnattributedContactView;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.NotFoundException;
import uk.customerhub.channels.web.Provenances;

/**
 * The staff side of unattributed contacts: the unattributed-contact queue and the social triage queue (newest first,
 * paged), one contact with its transcript, and the two ways out of a queue — attach to a customer, where it becomes a
 * contact on their record under the same contact id, or close as needing no action.
 * <p>
 * Attaching is two steps: the unattributed contact's record marks itself attached and answers the
 * {@link RecordContact} that puts it on the customer's record; this request then sends that command, so the agent is
 * answered with the customer record's position and sees the contact at once. Should the request stop between the
 * two, the attachment process in the projections (following the attachment event) sends the same command; whichever
 * comes second is a no-op, and sending the attach request again answers the same.
 */
@RestController
@RequestMapping("/console")
@Tag(name = "Agent console: unattributed contacts and social triage")
@SecurityRequirement(name = "bearer")
public class UnattributedContactsController {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public UnattributedContactsController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "The unattributed-contact queue (unknown or ambiguous callers, senders, chats, referrals), newest first")
    @GetMapping("/unattributed-contacts")
    public TriageQueuePage unattributedQueue(Authentication authentication,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        return queue(authentication, TriageQueue.UNATTRIBUTED_CONTACTS, page, size);
    }

    @Operation(summary = "The social triage queue (posts by handles linked to no customer), newest first")
    @GetMapping("/social-triage")
    public TriageQueuePage socialTriage(Authentication authentication,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        return queue(authentication, TriageQueue.SOCIAL_TRIAGE, page, size);
    }

    @Operation(summary = "One unattributed contact (either queue, open or not), with its transcript")
    @GetMapping("/unattributed-contacts/{contactId}")
    public UnattributedContactView contact(Authentication authentication, @PathVariable String contactId,
                                           @RequestParam(required = false) Long awaitPosition) {
        Caller caller = Caller.of(authentication);
        return queries.query(new FetchUnattributedContact(contactId, caller.asViewer(), awaitPosition),
                        ResponseTypes.optionalInstanceOf(UnattributedContactView.class)).join()
                .orElseThrow(() -> new NotFoundException("no unattributed contact " + contactId));
    }

    @Operation(summary = "Attach an unattributed contact to a customer: it becomes a contact on their record")
    @PostMapping("/unattributed-contacts/{contactId}/attach")
    @ResponseStatus(HttpStatus.CREATED)
    public Receipt attach(Authentication authentication, @PathVariable String contactId,
                          @RequestBody AttachRequest request,
                          @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        String asked = Require.id("customerId", request.customerId());
        // only a customer this agent can see: no contact is attached to a record that does not exist
        CustomerView view = queries.query(new FetchCustomerView(asked, caller.asViewer(), null),
                        ResponseTypes.optionalInstanceOf(CustomerView.class)).join()
                .orElseThrow(() -> new NotFoundException("no customer " + asked));
        // a record merged into another takes no new contacts: the contact goes on the record that took its place
        String customerId = view.mergedInto() != null ? view.mergedInto() : asked;
        RecordContact onTheirRecord = commands.sendAndWait(new AttachUnattributedContact(contactId, customerId, caller.subject()),
                Provenances.of(caller, customerId, null, correlationId, null));
        return commands.sendAndWait(onTheirRecord,
                Provenances.of(caller, customerId, onTheirRecord.channel(), correlationId, null));
    }

    @Operation(summary = "Close an unattributed contact as needing no action, with the reason")
    @PostMapping("/unattributed-contacts/{contactId}/close")
    public Receipt close(Authentication authentication, @PathVariable String contactId,
                         @RequestBody CloseRequest request,
                         @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        return commands.sendAndWait(new CloseUnattributedContact(contactId, request.reason(), caller.subject()),
                Provenances.of(caller, null, null, correlationId, null));
    }

    private TriageQueuePage queue(Authentication authentication, TriageQueue queue, int page, int size) {
        Caller caller = Caller.of(authentication);
        return queries.query(new FetchTriageQueue(queue, caller.asViewer(), page, size), TriageQueuePage.class).join();
    }
}
