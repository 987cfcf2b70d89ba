package uk.customerhub.channels.facetoface;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.Limits;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.Require;
import uk.customerhub.api.Visibility;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.Provenances;

/**
 * Face-to-face contact at the council's integrated local access points, entered by the member of staff (AGENT or
 * SPECIALIST) who assisted: recorded on channel FACE_TO_FACE exactly as if the customer had self-served, marked as
 * assisted by that agent at the named access point.
 */
@RestController
@RequestMapping("/console/customers/{customerId}/face-to-face")
@Tag(name = "Channel: face to face")
@SecurityRequirement(name = "bearer")
public class FaceToFaceController {
    private final CommandGateway commands;

    public FaceToFaceController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Record a visit to a local access point (assisted, with the access point)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Receipt visit(Authentication authentication, @PathVariable String customerId,
                         @RequestBody FaceToFaceContactRequest request,
                         @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                         @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        Require.present("body", request);
        String accessPoint = Require.text("accessPoint", request.accessPoint(), Limits.SHORT_TEXT);
        return commands.sendAndWait(new RecordContact(customerId,
                        ClientKeys.idFor("f2f-", request.contactId(), idempotencyKey, customerId),
                        Channel.FACE_TO_FACE, request.type(), request.direction(), request.occurredAt(),
                        RecordedBy.assisted(caller.subject(), accessPoint), request.outcome(),
                        request.visibility() == null ? Visibility.RESIDENT_VISIBLE : request.visibility(),
                        request.specialism(), new ContactNarrative(request.summary())),
                Provenances.of(caller, customerId, Channel.FACE_TO_FACE, correlationId, idempotencyKey));
    }
}
