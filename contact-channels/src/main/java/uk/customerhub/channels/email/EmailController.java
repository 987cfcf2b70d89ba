package uk.customerhub.channels.email;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.Limits;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RecorderKind;
import uk.customerhub.api.Require;
import uk.customerhub.api.SenderDetails;
import uk.customerhub.api.Visibility;
import uk.customerhub.channels.inbound.InboundContact;
import uk.customerhub.channels.inbound.InboundContacts;
import uk.customerhub.channels.inbound.InboundReceipt;
import uk.customerhub.channels.inbound.MachineClient;
import uk.customerhub.channels.inbound.NaturalKeys;
import uk.customerhub.channels.inbound.Texts;
import uk.customerhub.channels.web.ClientKeys;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inbound e-mail from the mail gateway (a CHANNEL client whose token names EMAIL). The sender is matched by address:
 * exactly one customer with it gets the e-mail on their record; none, or a household address several share, makes an
 * unattributed contact. The contact id is derived from the Message-ID, so the same message twice is one contact. The
 * subject is the contact's summary; the body is kept as its transcript.
 */
@RestController
@RequestMapping("/channels/email")
@Tag(name = "Channel: e-mail")
@SecurityRequirement(name = "bearer")
public class EmailController {
    /** A Message-ID may be as long as a header line (RFC 5322). */
    static final int MAX_MESSAGE_ID = 998;
    private static final Pattern NAME_AND_ADDRESS = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^<>]+)>\\s*$");

    private final InboundContacts inbound;

    public EmailController(InboundContacts inbound) {
        this.inbound = inbound;
    }

    @Operation(summary = "Deliver an inbound e-mail (idempotent on messageId)")
    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.CREATED)
    public InboundReceipt message(Authentication authentication, @RequestBody InboundEmail email,
                                  @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                                  @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        MachineClient client = MachineClient.of(authentication).requireChannel(Channel.EMAIL);
        Require.present("body", email);
        String messageId = NaturalKeys.required("messageId", email.messageId(), MAX_MESSAGE_ID)
                .replaceAll("^<|>$", "").strip();
        Require.text("messageId", messageId, MAX_MESSAGE_ID);
        String from = Require.text("from", email.from(), Limits.IDENTITY + Limits.SHORT_TEXT);
        Matcher named = NAME_AND_ADDRESS.matcher(from);
        String name = named.matches() ? Require.optionalText("from", named.group(1), Limits.SHORT_TEXT) : null;
        String address = named.matches() ? named.group(2) : from;
        Identity sender = new Identity(IdentityKind.EMAIL, Identity.normalise(IdentityKind.EMAIL, "from", address));
        String subject = Require.optionalText("subject", email.subject(), MAX_MESSAGE_ID);
        String to = Require.optionalText("to", email.to(), Limits.IDENTITY);
        String summary = "E-mail" + (to == null ? "" : " to " + to) + ": " + (subject == null ? "(no subject)" : subject);
        InboundContact contact = new InboundContact(
                NaturalKeys.contactId("email-", client.organisation(), messageId), Channel.EMAIL,
                email.type() == null ? ContactType.ENQUIRY : email.type(), Direction.INBOUND, email.receivedAt(),
                new RecordedBy(RecorderKind.SYSTEM, null, null), null, Visibility.RESIDENT_VISIBLE, null,
                new ContactNarrative(Texts.summary("subject", summary), email.body()),
                new SenderDetails(List.of(sender), name, null, null), client.system(), null);
        return inbound.deliver(client, contact, correlationId, idempotencyKey);
    }
}
