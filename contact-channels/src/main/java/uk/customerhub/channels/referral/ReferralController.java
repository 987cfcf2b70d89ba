package uk.customerhub.channels.referral;

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
import uk.customerhub.api.Postcodes;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Referrals from partner organisations' systems (a CHANNEL client whose token names PARTNER_REFERRAL): a contact of
 * type REFERRAL on channel PARTNER_REFERRAL, on the customer the partner names by customer id, or else the one
 * customer the referred person's e-mail and phone match; otherwise an unattributed contact holding the person's
 * details for staff to attach.
 */
@RestController
@RequestMapping("/channels/referrals")
@Tag(name = "Channel: partner referrals")
@SecurityRequirement(name = "bearer")
public class ReferralController {
    private final InboundContacts inbound;

    public ReferralController(InboundContacts inbound) {
        this.inbound = inbound;
    }

    @Operation(summary = "Deliver a partner referral (idempotent on referralId or the Idempotency-Key header)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public InboundReceipt referral(Authentication authentication, @RequestBody PartnerReferral referral,
                                   @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                                   @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        MachineClient client = MachineClient.of(authentication).requireChannel(Channel.PARTNER_REFERRAL);
        Require.present("body", referral);
        String referralId = Require.optionalText("referralId", referral.referralId(), Limits.SHORT_TEXT);
        String key = Require.optionalText(ClientKeys.IDEMPOTENCY_KEY_HEADER, idempotencyKey, Limits.SHORT_TEXT);
        if (referralId == null && key == null) {
            throw new InvalidInputException("referralId", "is required (or send an Idempotency-Key header)");
        }
        String partner = Require.text("partner", referral.partner(), Limits.SHORT_TEXT);
        String reason = Require.text("reason", referral.reason(), Limits.SUMMARY);
        Referrer referrer = referral.referrer();
        String by = referrer == null ? null : Stream.of(
                        Require.optionalText("referrer.name", referrer.name(), Limits.SHORT_TEXT),
                        Require.optionalText("referrer.role", referrer.role(), Limits.SHORT_TEXT),
                        Require.optionalText("referrer.phone", referrer.phone(), Limits.SHORT_TEXT),
                        Require.optionalText("referrer.email", referrer.email(), Limits.IDENTITY))
                .filter(part -> part != null).collect(Collectors.joining(", "));
        String summary = "Referral from " + partner + (by == null || by.isEmpty() ? "" : " by " + by) + ": " + reason;
        String customerId = referral.customerId() == null || referral.customerId().isBlank() ? null
                : Require.id("customerId", referral.customerId().strip());
        Visibility visibility = referral.visibility() == null ? Visibility.STAFF_ONLY : referral.visibility();
        String contactId = referralId != null
                ? NaturalKeys.contactId("referral-", client.system(), referralId)
                : NaturalKeys.contactId("referral-", client.system() + "|key", key);
        InboundContact contact = new InboundContact(contactId, Channel.PARTNER_REFERRAL, ContactType.REFERRAL,
                Direction.INBOUND, referral.referredAt(), new RecordedBy(RecorderKind.SYSTEM, null, null),
                referral.outcome(), visibility, referral.specialism(),
                new ContactNarrative(Texts.summary("reason", summary)), person(referral.person()), client.system(),
                customerId);
        return inbound.deliver(client, contact, correlationId, idempotencyKey);
    }

    private static SenderDetails person(ReferredPerson person) {
        if (person == null) {
            return SenderDetails.unknown();
        }
        List<Identity> identities = new ArrayList<>();
        if (person.email() != null && !person.email().isBlank()) {
            identities.add(new Identity(IdentityKind.EMAIL, Identity.normalise(IdentityKind.EMAIL, "person.email", person.email())));
        }
        if (person.phone() != null && !person.phone().isBlank()) {
            identities.add(new Identity(IdentityKind.PHONE, Identity.normalise(IdentityKind.PHONE, "person.phone", person.phone())));
        }
        String name = Stream.of(Require.optionalText("person.givenName", person.givenName(), Limits.SHORT_TEXT),
                        Require.optionalText("person.familyName", person.familyName(), Limits.SHORT_TEXT))
                .filter(part -> part != null).collect(Collectors.joining(" "));
        return new SenderDetails(identities, name.isEmpty() ? null : name, person.dateOfBirth(),
                person.postcode() == null ? null : Postcodes.normalise("person.postcode", person.postcode()));
    }
}
