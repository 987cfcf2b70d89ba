package uk.customerhub.channels.telephony;

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
import uk.customerhub.api.Outcome;
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
import java.util.Locale;
import java.util.Set;

/**
 * Call events from the telephony platform (a CHANNEL client whose token names PHONE and/or IVR). A call self-served
 * in the IVR is a contact on channel IVR; a call an agent answered is on channel PHONE, with that agent. The caller
 * is matched by phone number: exactly one customer with that number gets the call on their record; an unknown or
 * withheld number, or a household number several customers share, makes an unattributed contact (with the
 * candidates) that staff attach later.
 */
@RestController
@RequestMapping("/channels/telephony")
@Tag(name = "Channel: telephony and IVR")
@SecurityRequirement(name = "bearer")
public class TelephonyController {
    static final int MAX_IVR_STEPS = 20;
    static final int MAX_IVR_STEP = 100;
    private static final Set<String> NOT_PRESENTED = Set.of("withheld", "anonymous", "unknown", "unavailable", "private");

    private final InboundContacts inbound;

    public TelephonyController(InboundContacts inbound) {
        this.inbound = inbound;
    }

    @Operation(summary = "Report a finished call (idempotent on callId)")
    @PostMapping("/calls")
    @ResponseStatus(HttpStatus.CREATED)
    public InboundReceipt call(Authentication authentication, @RequestBody CallEvent call,
                               @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                               @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        MachineClient client = MachineClient.of(authentication).requireAnyOf(Channel.PHONE, Channel.IVR);
        Require.present("body", call);
        String callId = NaturalKeys.required("callId", call.callId(), Limits.SHORT_TEXT);
        String agent = Require.optionalText("answeredBy", call.answeredBy(), Limits.SHORT_TEXT);
        Channel channel = agent == null ? Channel.IVR : Channel.PHONE;
        List<String> path = ivrPath(call.ivrPath());
        String selfService = Require.optionalText("selfServiceOutcome", call.selfServiceOutcome(), Limits.SHORT_TEXT);
        Outcome outcome = call.outcome() != null ? call.outcome()
                : channel == Channel.IVR && selfService != null ? Outcome.RESOLVED_FIRST_CONTACT : null;
        Identity caller = callerNumber(call.callerNumber());
        InboundContact contact = new InboundContact(NaturalKeys.contactId("call-", client.system(), callId), channel,
                call.type() == null ? ContactType.ENQUIRY : call.type(), Direction.INBOUND, call.startedAt(),
                new RecordedBy(RecorderKind.SYSTEM, agent, null), outcome, Visibility.RESIDENT_VISIBLE, null,
                new ContactNarrative(summary(call, agent, path, selfService)), SenderDetails.of(caller),
                client.system(), null);
        return inbound.deliver(client, contact, correlationId, idempotencyKey);
    }

    private static List<String> ivrPath(List<String> steps) {
        Require.atMost("ivrPath", steps, MAX_IVR_STEPS);
        return steps == null ? List.of() : steps.stream()
                .map(step -> Require.text("ivrPath", step, MAX_IVR_STEP))
                .toList();
    }

    private static Identity callerNumber(String number) {
        if (number == null || number.isBlank() || NOT_PRESENTED.contains(number.strip().toLowerCase(Locale.ROOT))) {
            return null;
        }
        return new Identity(IdentityKind.PHONE, Identity.normalise(IdentityKind.PHONE, "callerNumber", number));
    }

    private static String summary(CallEvent call, String agent, List<String> path, String selfService) {
        StringBuilder summary = new StringBuilder(agent == null ? "Call via IVR" : "Call answered by " + agent);
        if (!path.isEmpty()) {
            summary.append(agent == null ? ": " : " after IVR: ").append(String.join(" > ", path));
        }
        if (selfService != null) {
            summary.append("; self-service: ").append(selfService);
        }
        String duration = Texts.duration("endedAt", call.startedAt(), call.endedAt());
        if (duration != null) {
            summary.append(" (").append(duration).append(')');
        }
        String said = Require.optionalText("summary", call.summary(), Limits.SUMMARY);
        if (said != null) {
            summary.append('\n').append(said);
        }
        return Texts.summary("summary", summary.toString());
    }
}
