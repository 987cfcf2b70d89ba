package uk.customerhub.channels.inbound;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.CustomerMatches;
import uk.customerhub.api.CustomerSummary;
import uk.customerhub.api.FindCustomersByIdentity;
import uk.customerhub.api.Identity;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordUnattributedContact;
import uk.customerhub.api.UnattributedContactDetails;
import uk.customerhub.channels.web.Provenances;
import uk.customerhub.identity.UniqueKeys;
import uk.customerhub.unattributed.Attribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Delivers an inbound contact to the record it belongs on: the one customer its sender's identities match
 * ({@link Attribution}), found through {@link FindCustomersByIdentity} as the channel system; or, when none or
 * several match, an unattributed contact listing the candidates, for staff to attach or close.
 * <p>
 * <b>The same message always goes the same way.</b> Matching reads the single view, which follows the records a
 * moment behind and changes as customers register, so a retried delivery might match differently from the first. The
 * first delivery's decision is therefore claimed hub-wide under the contact id (a unique key in namespace
 * {@value #ROUTES}: {@code customer:<id>} or {@code unattributed:<candidates>}, then {@code #} and a digest of the
 * whole normalised message) before anything is recorded, and every later delivery of the same message follows it.
 * Two deliveries racing agree on the one claim that won. A later delivery under the same natural key whose digest
 * differs is a 409, even where the difference would not show on the record (a caller's number once matched); the
 * record then answers a true retry with its first receipt. A contact attached by staff later stays an unattributed
 * contact for its channel system: a retry still answers the first receipt.
 * <p>
 * A contact whose sender named the customer (a partner's referral by customer id) goes to that customer without
 * matching; an unknown customer is a 404 and changes nothing. Its decision is claimed once recorded, so the same
 * message cannot also be kept unattributed.
 */
@Component
public class InboundContacts {
    /** Namespace of the unique keys that remember where each inbound contact went. */
    public static final String ROUTES = "inbound-route";
    private static final String TO_CUSTOMER = "customer:";
    private static final String UNATTRIBUTED = "unattributed:";
    /** Separates a claim's route from the digest of the message it was claimed for. */
    private static final String BODY = "#";

    private final UniqueKeys uniqueKeys;
    private final CommandGateway commands;
    private final QueryGateway queries;

    public InboundContacts(UniqueKeys uniqueKeys, CommandGateway commands, QueryGateway queries) {
        this.uniqueKeys = uniqueKeys;
        this.commands = commands;
        this.queries = queries;
    }

    public InboundReceipt deliver(MachineClient client, InboundContact contact, String correlationId, String idempotencyKey) {
        client.requireChannel(contact.channel());
        String fingerprint = fingerprintOf(contact);
        if (contact.customerId() != null) {
            return toNamedCustomer(client, contact, fingerprint, correlationId, idempotencyKey);
        }
        String claimed = uniqueKeys.ownerOf(ROUTES, contact.contactId())
                .orElseGet(() -> uniqueKeys.claim(ROUTES, contact.contactId(), decide(client, contact) + BODY + fingerprint));
        String route = routeOf(contact, claimed, fingerprint);
        if (route.startsWith(TO_CUSTOMER)) {
            return recordOnCustomer(client, contact, route.substring(TO_CUSTOMER.length()), correlationId, idempotencyKey);
        }
        return keepUnattributed(client, contact, candidatesOf(route), correlationId, idempotencyKey);
    }

    private InboundReceipt toNamedCustomer(MachineClient client, InboundContact contact, String fingerprint,
                                           String correlationId, String idempotencyKey) {
        String route = TO_CUSTOMER + contact.customerId();
        uniqueKeys.ownerOf(ROUTES, contact.contactId()).ifPresent(earlier -> {
            if (!routeOf(contact, earlier, fingerprint).equals(route)) {
                throw differentBody(contact);
            }
        });
        InboundReceipt receipt = recordOnCustomer(client, contact, contact.customerId(), correlationId, idempotencyKey);
        uniqueKeys.claim(ROUTES, contact.contactId(), route + BODY + fingerprint);
        return receipt;
    }

    /** The route of a claim, provided the claim was made for this very message; else a conflict. */
    private static String routeOf(InboundContact contact, String claimed, String fingerprint) {
        int body = claimed.lastIndexOf(BODY);
        if (body < 0 || !claimed.substring(body + BODY.length()).equals(fingerprint)) {
            throw differentBody(contact);
        }
        return claimed.substring(0, body);
    }

    private static ConflictingRequestException differentBody(InboundContact contact) {
        return new ConflictingRequestException("contact " + contact.contactId()
                + " was delivered before with a different body");
    }

    /**
     * A digest of everything the message said, as normalised: the same message again has the same one, whichever
     * system delivers it (the source system is who delivered it, not what it says).
     */
    private static String fingerprintOf(InboundContact contact) {
        InboundContact said = new InboundContact(contact.contactId(), contact.channel(), contact.type(),
                contact.direction(), contact.occurredAt(), contact.recordedBy(), contact.outcome(), contact.visibility(),
                contact.specialism(), contact.narrative(), contact.sender(), null, contact.customerId());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(said.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private String decide(MachineClient client, InboundContact contact) {
        List<Set<String>> matches = contact.sender().identities().stream()
                .map(identity -> customersHolding(client, identity))
                .toList();
        Attribution attribution = Attribution.decide(matches);
        return attribution.customerId().map(id -> TO_CUSTOMER + id)
                .orElseGet(() -> UNATTRIBUTED + String.join(",", attribution.candidates()));
    }

    private Set<String> customersHolding(MachineClient client, Identity identity) {
        CustomerMatches found = queries.query(new FindCustomersByIdentity(identity, client.caller().asViewer()),
                CustomerMatches.class).join();
        return Set.copyOf(found.customers().stream().map(CustomerSummary::customerId).toList());
    }

    private InboundReceipt recordOnCustomer(MachineClient client, InboundContact contact, String customerId,
                                            String correlationId, String idempotencyKey) {
        Receipt receipt = commands.sendAndWait(new RecordContact(customerId, contact.contactId(), contact.channel(),
                        contact.type(), contact.direction(), contact.occurredAt(), contact.recordedBy(), contact.outcome(),
                        contact.visibility(), contact.specialism(), contact.narrative()),
                Provenances.of(client.caller(), customerId, contact.channel(), correlationId, idempotencyKey));
        return InboundReceipt.of(receipt);
    }

    private InboundReceipt keepUnattributed(MachineClient client, InboundContact contact, List<String> candidates,
                                            String correlationId, String idempotencyKey) {
        MetaData provenance = Provenances.of(client.caller(), null, contact.channel(), correlationId, idempotencyKey);
        Receipt receipt = commands.sendAndWait(new RecordUnattributedContact(contact.contactId(), contact.channel(),
                contact.type(), contact.direction(), contact.occurredAt(), contact.recordedBy(), contact.outcome(),
                contact.visibility(), contact.specialism(), candidates, contact.sourceSystem(),
                new UnattributedContactDetails(contact.sender(), contact.narrative())), provenance);
        return InboundReceipt.of(receipt);
    }

    private static List<String> candidatesOf(String route) {
        String list = route.substring(UNATTRIBUTED.length());
        return list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }
}
