package uk.customerhub.channels.open311;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.ContactDetails;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerMatches;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerSummary;
import uk.customerhub.api.FetchServiceDefinition;
import uk.customerhub.api.FindCustomersByIdentity;
import uk.customerhub.api.Identity;
import uk.customerhub.api.Name;
import uk.customerhub.api.RaiseServiceRequest;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RecorderKind;
import uk.customerhub.api.RegisterCustomer;
import uk.customerhub.api.Role;
import uk.customerhub.api.ServiceDefinition;
import uk.customerhub.api.ServiceNotice;
import uk.customerhub.api.ServiceRequestDetails;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;
import uk.customerhub.catalogue.ServiceRequestValidation;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.Provenances;
import uk.customerhub.identity.KeyedHash;
import uk.customerhub.identity.UniqueKeys;
import uk.customerhub.unattributed.Attribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a report posted by an Open311 client into a service request on a customer's record, raised through a contact
 * on channel WEB by the client (a CHANNEL machine).
 * <p>
 * <b>Whose report is it?</b> The customer the reporter's e-mail and phone point to, when they point to exactly one
 * ({@link FindCustomersByIdentity}, {@link Attribution}). Otherwise — anonymous, unknown, or an e-mail or phone several
 * customers share — a <b>provisional record</b> is opened for the reporter ({@link RegisterCustomer#provisional()},
 * category RESIDENT, with the name, e-mail and phone given), so every service request belongs to a customer. A
 * reporter who gave an e-mail or phone gets one provisional record, whose id is a keyed hash of them, so their next
 * report goes to the same record; an anonymous report gets a record of its own.
 * <p>
 * <b>Retries.</b> Open311 has no idempotency key; a client may send an {@code Idempotency-Key} header, from which the
 * contact and service request ids are derived, and under which the first delivery's decision of whose record it went
 * on is claimed ({@value #ROUTES}), so a retry goes the same way whatever has changed since, and answers the same id.
 * The same key with a different report is a conflict. Without the header nothing is derived: each post is a new
 * report.
 * <p>
 * The report is checked against the service's definition before anything is recorded, so a refused report leaves no
 * provisional record behind. Services restricted to a specialism (safeguarding referrals) are not offered through
 * Open311: they are answered as unknown.
 */
@Component
public class Open311Reports {
    /** Namespace of the unique keys that remember whose record each report (sent with an Idempotency-Key) went on. */
    public static final String ROUTES = "open311-route";
    private static final String PROVISIONAL = "provisional:";
    private static final String CUSTOMER = "customer:";
    private static final String BODY = "#";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final UniqueKeys uniqueKeys;
    private final KeyedHash keyedHash;
    private final String organisation;

    public Open311Reports(CommandGateway commands, QueryGateway queries, UniqueKeys uniqueKeys, KeyedHash keyedHash,
                          Open311Properties properties) {
        this.commands = commands;
        this.queries = queries;
        this.uniqueKeys = uniqueKeys;
        this.keyedHash = keyedHash;
        this.organisation = properties.organisation();
    }

    /** What a report raised: the service request id and the service's notice. */
    public record Raised(String serviceRequestId, String serviceNotice) {
    }

    /** A service offered through Open311: in the catalogue and not restricted to a specialism. */
    public Optional<ServiceDefinition> publicService(String serviceCode) {
        if (serviceCode == null || !serviceCode.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            return Optional.empty();
        }
        return queries.query(FetchServiceDefinition.current(serviceCode), ResponseTypes.optionalInstanceOf(ServiceDefinition.class))
                .join()
                .filter(service -> service.restrictedTo() == null);
    }

    public Raised report(String clientId, Open311Report report, String idempotencyKey, String correlationId) {
        ServiceDefinition service = publicService(report.serviceCode())
                .orElseThrow(() -> Open311Exception.notFound("service_code " + report.serviceCode() + " was not found"));
        String description = report.description() != null ? report.description()
                : service.serviceName() + " (reported through Open311)";
        ServiceRequestDetails details = new ServiceRequestDetails(description, report.attributes(), report.location(),
                report.mediaUrl());
        ServiceRequestValidation.check(service, details);

        String contactId = ClientKeys.idFor("open311-", null, idempotencyKey, clientId);
        String serviceRequestId = ClientKeys.idFor("sr-", null, idempotencyKey, clientId);
        Caller caller = new Caller(clientId, Set.of(Role.CHANNEL), null, organisation, null, null, Set.of());
        String route = routeOf(caller, report, details, contactId, idempotencyKey);
        String customerId = route.substring(route.indexOf(':') + 1);
        MetaData provenance = Provenances.of(caller, customerId, Channel.WEB, correlationId, idempotencyKey);
        if (route.startsWith(PROVISIONAL)) {
            openProvisionalRecord(customerId, report, provenance);
        }
        Receipt receipt = commands.sendAndWait(new RaiseServiceRequest(customerId, contactId, serviceRequestId,
                service.serviceCode(), Channel.WEB, null, new RecordedBy(RecorderKind.SYSTEM, null, null),
                Visibility.RESIDENT_VISIBLE, null, details), provenance);
        return new Raised(receipt.serviceRequestId(), ServiceNotice.of(service));
    }

    /** {@code customer:<id>} or {@code provisional:<id>}: as claimed by the first delivery of a keyed report, else decided now. */
    private String routeOf(Caller caller, Open311Report report, ServiceRequestDetails details, String contactId,
                           String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return decide(caller, report, null, null);
        }
        String fingerprint = fingerprintOf(report, details);
        String claimed = uniqueKeys.ownerOf(ROUTES, contactId)
                .orElseGet(() -> uniqueKeys.claim(ROUTES, contactId,
                        decide(caller, report, idempotencyKey, caller.subject()) + BODY + fingerprint));
        int body = claimed.lastIndexOf(BODY);
        if (body < 0 || !claimed.substring(body + BODY.length()).equals(fingerprint)) {
            throw new ConflictingRequestException("a different report was sent before with this Idempotency-Key");
        }
        return claimed.substring(0, body);
    }

    private String decide(Caller caller, Open311Report report, String idempotencyKey, String clientId) {
        List<Identity> identities = report.identities();
        if (!identities.isEmpty()) {
            Viewer viewer = caller.asViewer();
            Attribution attribution = Attribution.decide(identities.stream()
                    .map(identity -> queries.query(new FindCustomersByIdentity(identity, viewer), CustomerMatches.class).join()
                            .customers().stream().map(CustomerSummary::customerId).collect(Collectors.toSet()))
                    .toList());
            if (attribution.customerId().isPresent()) {
                return CUSTOMER + attribution.customerId().get();
            }
            String reporter = organisation + "|" + identities.stream()
                    .map(identity -> identity.kind() + "=" + identity.value()).sorted().collect(Collectors.joining("|"));
            return PROVISIONAL + "provisional-" + keyedHash.of(reporter).substring(0, 40);
        }
        return PROVISIONAL + ClientKeys.idFor("provisional-", null, idempotencyKey, clientId);
    }

    private void openProvisionalRecord(String customerId, Open311Report report, MetaData provenance) {
        CustomerProfile profile = new CustomerProfile(new Name(report.firstName(), report.lastName()), null,
                new ContactDetails(report.email() == null ? null : report.email().value(),
                        report.phone() == null ? null : report.phone().value()), null);
        try {
            commands.sendAndWait(new RegisterCustomer(customerId, CustomerCategory.RESIDENT, profile, List.of(), true), provenance);
        } catch (ConflictingRequestException alreadyOpened) {
            // the reporter's provisional record was opened by an earlier report (with other name details): use it
        }
    }

    private static String fingerprintOf(Open311Report report, ServiceRequestDetails details) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((report + "|" + details).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
