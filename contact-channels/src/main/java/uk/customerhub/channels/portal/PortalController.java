package uk.customerhub.channels.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.ContactDetails;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.Direction;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.Name;
import uk.customerhub.api.RaiseServiceRequest;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.Require;
import uk.customerhub.api.ServiceRequestDetails;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.api.UpdateProfile;
import uk.customerhub.api.Visibility;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.NotFoundException;
import uk.customerhub.channels.web.Provenances;


/**
 * The resident self-service portal API. A resident reaches only their own record (the one linked to their token's
 * Digital ID subject) and sees only its resident-visible entries; the first call of a new resident signs them up.
 * Writes answer once their events are stored, with the position the record reached; a read given
 * {@code awaitPosition} waits (briefly) until the view shows that position.
 */
@RestController
@RequestMapping("/portal/me")
@Tag(name = "Resident portal")
@SecurityRequirement(name = "bearer")
public class PortalController {
    private final ResidentAccounts accounts;
    private final CommandGateway commands;
    private final QueryGateway queries;

    public PortalController(ResidentAccounts accounts, CommandGateway commands, QueryGateway queries) {
        this.accounts = accounts;
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "My record: profile, open requests, counts and recent entries")
    @GetMapping
    public CustomerView myRecord(Authentication authentication,
                                 @Parameter(description = "wait until the view has reached this position")
                                 @RequestParam(required = false) Long awaitPosition) {
        Caller caller = Caller.of(authentication);
        return accounts.onOwnRecord(caller, customerId -> queries.query(
                        new FetchCustomerView(customerId, caller.asViewer(), awaitPosition == null ? 0L : awaitPosition),
                        ResponseTypes.optionalInstanceOf(CustomerView.class)).join()
                .orElseThrow(() -> new NotFoundException("the record is not available yet")));
    }

    @Operation(summary = "A page of my timeline, newest first, optionally only my contacts on a channel and/or of a type")
    @GetMapping("/timeline")
    public TimelinePage myTimeline(Authentication authentication,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size,
                                   @RequestParam(required = false) Long awaitPosition,
                                   @Parameter(description = "only my contacts on this channel")
                                   @RequestParam(required = false) Channel channel,
                                   @Parameter(description = "only my contacts of this type")
                                   @RequestParam(required = false) ContactType type) {
        Caller caller = Caller.of(authentication);
        return accounts.onOwnRecord(caller, customerId -> queries.query(
                        new FetchTimelinePage(customerId, caller.asViewer(), page, size,
                                awaitPosition == null ? 0L : awaitPosition, channel, type),
                        ResponseTypes.optionalInstanceOf(TimelinePage.class)).join()
                .orElseThrow(() -> new NotFoundException("the record is not available yet")));
    }

    @Operation(summary = "Record a contact of mine (enquiry, complaint, compliment, FOI request …)")
    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    public Receipt recordContact(Authentication authentication, @RequestBody PortalContactRequest request,
                                 @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                                 @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        return accounts.onOwnRecord(caller, customerId -> commands.sendAndWait(new RecordContact(customerId,
                        ClientKeys.idFor("web-", request.contactId(), idempotencyKey, customerId),
                        Channel.WEB, request.type(), Direction.INBOUND,
                        request.occurredAt(),
                        RecordedBy.selfService(), null, Visibility.RESIDENT_VISIBLE, null,
                        new ContactNarrative(request.summary())),
                Provenances.of(caller, customerId, Channel.WEB, correlationId, idempotencyKey)));
    }

    @Operation(summary = "Raise a service request (e.g. report a missed bin collection)")
    @PostMapping("/service-requests")
    @ResponseStatus(HttpStatus.CREATED)
    public Receipt raiseServiceRequest(Authentication authentication, @RequestBody PortalServiceRequest request,
                                       @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                                       @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        return accounts.onOwnRecord(caller, customerId -> commands.sendAndWait(new RaiseServiceRequest(customerId,
                        ClientKeys.idFor("web-", request.contactId(), idempotencyKey, customerId),
                        ClientKeys.idFor("sr-", request.serviceRequestId(), idempotencyKey, customerId),
                        request.serviceCode(), Channel.WEB, null, RecordedBy.selfService(),
                        Visibility.RESIDENT_VISIBLE, null,
                        new ServiceRequestDetails(request.description(), request.attributes(), request.location())),
                Provenances.of(caller, customerId, Channel.WEB, correlationId, idempotencyKey)));
    }

    @Operation(summary = "Complete or change my profile and contact details (absent fields are kept)")
    @PatchMapping
    public Receipt updateProfile(Authentication authentication, @RequestBody ProfileChangeRequest request,
                                 @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        CustomerProfile change = new CustomerProfile(new Name(request.givenName(), request.familyName()),
                request.dateOfBirth(), new ContactDetails(request.email(), request.phone()), request.address());
        return accounts.onOwnRecord(caller, customerId -> commands.sendAndWait(
                new UpdateProfile(customerId, change, null),
                Provenances.of(caller, customerId, Channel.WEB, correlationId, null)));
    }
}
