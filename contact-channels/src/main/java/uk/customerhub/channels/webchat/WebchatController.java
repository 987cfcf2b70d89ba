package uk.customerhub.channels.webchat;

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
import uk.customerhub.api.InvalidInputException;
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

import java.util.ArrayList;
import java.util.List;

/**
 * Finished webchat sessions from the webchat platform (a CHANNEL client whose token names WEBCHAT): one contact per
 * session, with its transcript kept whole (at most 100 KB; past it, 400). The visitor is matched by the Digital ID
 * they chatted under, their e-mail or phone: exactly one customer → that customer's record; else unattributed.
 */
@RestController
@RequestMapping("/channels/webchat")
@Tag(name = "Channel: webchat")
@SecurityRequirement(name = "bearer")
public class WebchatController {
    private final InboundContacts inbound;

    public WebchatController(InboundContacts inbound) {
        this.inbound = inbound;
    }

    @Operation(summary = "Deliver a finished webchat session with its transcript (idempotent on sessionId)")
    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    public InboundReceipt session(Authentication authentication, @RequestBody ChatSession session,
                                  @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                                  @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        MachineClient client = MachineClient.of(authentication).requireChannel(Channel.WEBCHAT);
        Require.present("body", session);
        String sessionId = NaturalKeys.required("sessionId", session.sessionId(), Limits.SHORT_TEXT);
        if (session.transcript() == null || session.transcript().isBlank()) {
            throw new InvalidInputException("transcript", "is required");
        }
        String agent = Require.optionalText("agentId", session.agentId(), Limits.SHORT_TEXT);
        List<Identity> identities = new ArrayList<>();
        if (session.digitalId() != null && !session.digitalId().isBlank()) {
            identities.add(new Identity(IdentityKind.DIGITAL_ID, Identity.normalise(IdentityKind.DIGITAL_ID, "digitalId", session.digitalId())));
        }
        if (session.visitorEmail() != null && !session.visitorEmail().isBlank()) {
            identities.add(new Identity(IdentityKind.EMAIL, Identity.normalise(IdentityKind.EMAIL, "visitorEmail", session.visitorEmail())));
        }
        if (session.visitorPhone() != null && !session.visitorPhone().isBlank()) {
            identities.add(new Identity(IdentityKind.PHONE, Identity.normalise(IdentityKind.PHONE, "visitorPhone", session.visitorPhone())));
        }
        String given = Require.optionalText("summary", session.summary(), Limits.SUMMARY);
        String duration = Texts.duration("endedAt", session.startedAt(), session.endedAt());
        String summary = given != null ? given : "Webchat" + (agent == null ? "" : " with " + agent)
                + (duration == null ? "" : " (" + duration + ")") + ": " + Texts.firstLine(session.transcript(), Limits.SHORT_TEXT);
        InboundContact contact = new InboundContact(NaturalKeys.contactId("chat-", client.system(), sessionId),
                Channel.WEBCHAT, session.type() == null ? ContactType.ENQUIRY : session.type(), Direction.INBOUND,
                session.startedAt(), new RecordedBy(RecorderKind.SYSTEM, agent, null), session.outcome(),
                Visibility.RESIDENT_VISIBLE, null, new ContactNarrative(summary, session.transcript()),
                new SenderDetails(identities, Require.optionalText("visitorName", session.visitorName(), Limits.SHORT_TEXT), null, null),
                client.system(), null);
        return inbound.deliver(client, contact, correlationId, idempotencyKey);
    }
}
