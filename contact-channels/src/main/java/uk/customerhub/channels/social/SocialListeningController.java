package uk.customerhub.channels.social;

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
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Limits;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RecorderKind;
import uk.customerhub.api.Require;
import uk.customerhub.api.SocialHandles;
import uk.customerhub.api.SenderDetails;
import uk.customerhub.api.Visibility;
import uk.customerhub.channels.inbound.InboundContact;
import uk.customerhub.channels.inbound.InboundContacts;
import uk.customerhub.channels.inbound.InboundReceipt;
import uk.customerhub.channels.inbound.MachineClient;
import uk.customerhub.channels.inbound.NaturalKeys;
import uk.customerhub.channels.inbound.Texts;
import uk.customerhub.channels.web.ClientKeys;


/**
 * Public posts from the social listening feed (a CHANNEL client whose token names SOCIAL). A post by a handle linked
 * to a customer (a social handle belongs to at most one) becomes a SOCIAL_MENTION on that customer's record, seen by
 * staff only; a post by any other handle waits in the social triage queue, where an agent attaches it to a customer
 * or closes it. Idempotent on platform and post id.
 */
@RestController
@RequestMapping("/channels/social")
@Tag(name = "Channel: social listening")
@SecurityRequirement(name = "bearer")
public class SocialListeningController {
    static final int MAX_URL = 2_000;

    private final InboundContacts inbound;

    public SocialListeningController(InboundContacts inbound) {
        this.inbound = inbound;
    }

    @Operation(summary = "Deliver a public post (idempotent on platform and postId)")
    @PostMapping("/posts")
    @ResponseStatus(HttpStatus.CREATED)
    public InboundReceipt post(Authentication authentication, @RequestBody SocialPost post,
                               @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                               @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        MachineClient client = MachineClient.of(authentication).requireChannel(Channel.SOCIAL);
        Require.present("body", post);
        String platform = SocialHandles.platform("platform", post.platform());
        // the author's handle in its platform's canonical form, checked against the platform's rules
        Identity author = SocialHandles.identity("handle", platform, post.handle());
        String postId = NaturalKeys.required("postId", post.postId(), Limits.SHORT_TEXT);
        String text = Require.text("text", post.text(), Limits.SUMMARY);
        String url = Require.optionalText("url", post.url(), MAX_URL);
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            throw new InvalidInputException("url", "must be an http or https address");
        }
        InboundContact contact = new InboundContact(NaturalKeys.contactId("social-", client.organisation(), platform, postId),
                Channel.SOCIAL, ContactType.SOCIAL_MENTION, Direction.INBOUND, post.postedAt(),
                new RecordedBy(RecorderKind.SYSTEM, null, null), null, Visibility.STAFF_ONLY, null,
                new ContactNarrative(Texts.summary("text", url == null ? text : text + "\n" + url)),
                SenderDetails.of(author), client.system(), null);
        return inbound.deliver(client, contact, correlationId, idempotencyKey);
    }
}
