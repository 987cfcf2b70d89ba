package uk.customerhub.channels.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
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
import uk.customerhub.api.CandidateMatches;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactDetails;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.CustomerMatches;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.FindCandidateCustomers;
import uk.customerhub.api.FindCustomersByIdentity;
import uk.customerhub.api.FindCustomersBySurnameAndPostcode;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Name;
import uk.customerhub.api.RaiseServiceRequest;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RegisterCustomer;
import uk.customerhub.api.Require;
import uk.customerhub.api.ServiceRequestDetails;
import uk.customerhub.api.SocialHandles;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.api.Visibility;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.NotFoundException;
import uk.customerhub.channels.web.Provenances;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The agent console API for multi-skilled hub staff: find a customer, register one, read any customer's single view,
 * and enter contact on any channel on the customer's behalf — marked as assisted, with the agent — exactly as if the
 * customer had self-served.
 */
@RestController
@RequestMapping("/console/customers")
@Tag(name = "Agent console")
@SecurityRequirement(name = "bearer")
public class ConsoleController {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public ConsoleController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Find customers by e-mail, phone, Digital ID, social handle, or surname and postcode")
    @GetMapping
    public CustomerMatches find(Authentication authentication,
                                @RequestParam(required = false) String email,
                                @RequestParam(required = false) String phone,
                                @RequestParam(required = false) String digitalId,
                                @RequestParam(required = false) String socialHandle,
                                @RequestParam(required = false) String surname,
                                @RequestParam(required = false) String postcode) {
        Caller caller = Caller.of(authentication);
        Object query;
        if (surname != null || postcode != null) {
            query = new FindCustomersBySurnameAndPostcode(surname, postcode, caller.asViewer());
        } else if (email != null) {
            query = new FindCustomersByIdentity(new Identity(IdentityKind.EMAIL, email), caller.asViewer());
        } else if (phone != null) {
            query = new FindCustomersByIdentity(new Identity(IdentityKind.PHONE, phone), caller.asViewer());
        } else if (digitalId != null) {
            query = new FindCustomersByIdentity(new Identity(IdentityKind.DIGITAL_ID, digitalId), caller.asViewer());
        } else if (socialHandle != null) {
            query = new FindCustomersByIdentity(SocialHandles.identity("socialHandle", socialHandle), caller.asViewer());
        } else {
            throw new InvalidInputException("email", "give one of email, phone, digitalId, socialHandle, or surname and postcode");
        }
        return queries.query(query, CustomerMatches.class).join();
    }

    @Operation(summary = "Records that may be the same person, scored 0-100 with reasons, the most likely first "
            + "(an e-mail or phone, or at least two of familyName, dateOfBirth and postcode)")
    @GetMapping("/candidates")
    public CandidateMatches candidates(Authentication authentication,
                                       @RequestParam(required = false) String givenName,
                                       @RequestParam(required = false) String familyName,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
                                       @RequestParam(required = false) String postcode,
                                       @RequestParam(required = false) String email,
                                       @RequestParam(required = false) String phone) {
        Caller caller = Caller.of(authentication);
        return queries.query(new FindCandidateCustomers(givenName, familyName, dateOfBirth, postcode, email, phone,
                caller.asViewer()), CandidateMatches.class).join();
    }

    @Operation(summary = "Register a customer")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Receipt register(Authentication authentication, @RequestBody CustomerRegistrationRequest request,
                            @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                            @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        String customerId = request.customerId() != null ? request.customerId()
                : idempotencyKey != null ? ClientKeys.idFor("", null, idempotencyKey, caller.subject())
                : UUID.randomUUID().toString();
        List<Identity> identities = new ArrayList<>();
        if (request.socialHandle() != null) {
            identities.add(SocialHandles.identity("socialHandle", request.socialHandle()));
        }
        RegisterCustomer registration = new RegisterCustomer(customerId, request.category(),
                new CustomerProfile(new Name(request.givenName(), request.familyName()), request.dateOfBirth(),
                        new ContactDetails(request.email(), request.phone()), request.address()),
                identities);
        return commands.sendAndWait(registration, Provenances.of(caller, customerId, Channel.PHONE, correlationId, idempotencyKey));
    }

    @Operation(summary = "The single view of a customer")
    @GetMapping("/{customerId}")
    public CustomerView view(Authentication authentication, @PathVariable String customerId,
                             @RequestParam(required = false) Long awaitPosition) {
        Caller caller = Caller.of(authentication);
        return queries.query(new FetchCustomerView(customerId, caller.asViewer(), awaitPosition),
                        ResponseTypes.optionalInstanceOf(CustomerView.class)).join()
                .orElseThrow(() -> new NotFoundException("no customer " + customerId));
    }

    @Operation(summary = "A page of a customer's timeline, newest first, optionally only the contacts on a channel and/or of a type")
    @GetMapping("/{customerId}/timeline")
    public TimelinePage timeline(Authentication authentication, @PathVariable String customerId,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size,
                                 @RequestParam(required = false) Long awaitPosition,
                                 @RequestParam(required = false) Channel channel,
                                 @RequestParam(required = false) ContactType type) {
        Caller caller = Caller.of(authentication);
        return queries.query(new FetchTimelinePage(customerId, caller.asViewer(), page, size, awaitPosition, channel, type),
                        ResponseTypes.optionalInstanceOf(TimelinePage.class)).join()
                .orElseThrow(() -> new NotFoundException("no customer " + customerId));
    }

    @Operation(summary = "Record a contact on the customer's behalf, on any channel (assisted)")
    @PostMapping("/{customerId}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    public Receipt recordContact(Authentication authentication, @PathVariable String customerId,
                                 @RequestBody AssistedContactRequest request,
                                 @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                                 @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        Require.present("channel", request.channel());
        return commands.sendAndWait(new RecordContact(customerId,
                        ClientKeys.idFor("con-", request.contactId(), idempotencyKey, customerId),
                        request.channel(), request.type(), request.direction(),
                        request.occurredAt(),
                        RecordedBy.assisted(caller.subject(), request.accessPoint()), request.outcome(),
                        request.visibility() == null ? Visibility.RESIDENT_VISIBLE : request.visibility(),
                        request.specialism(), new ContactNarrative(request.summary())),
                Provenances.of(caller, customerId, request.channel(), correlationId, idempotencyKey));
    }

    @Operation(summary = "Raise a service request on the customer's behalf, through the contact being handled")
    @PostMapping("/{customerId}/service-requests")
    @ResponseStatus(HttpStatus.CREATED)
    public Receipt raiseServiceRequest(Authentication authentication, @PathVariable String customerId,
                                       @RequestBody AssistedServiceRequest request,
                                       @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                                       @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        Require.present("channel", request.channel());
        return commands.sendAndWait(new RaiseServiceRequest(customerId,
                        ClientKeys.idFor("con-", request.contactId(), idempotencyKey, customerId),
                        ClientKeys.idFor("sr-", request.serviceRequestId(), idempotencyKey, customerId),
                        request.serviceCode(), request.channel(),
                        request.occurredAt(),
                        RecordedBy.assisted(caller.subject(), request.accessPoint()),
                        request.visibility() == null ? Visibility.RESIDENT_VISIBLE : request.visibility(),
                        request.specialism(),
                        new ServiceRequestDetails(request.description(), request.attributes(), request.location())),
                Provenances.of(caller, customerId, request.channel(), correlationId, idempotencyKey));
    }
}
