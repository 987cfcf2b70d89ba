package uk.customerhub.channels.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
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
import uk.customerhub.api.EscalateComplaint;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordStatutoryResponse;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.Provenances;

import java.util.Set;

/**
 * Statutory clocks in the agent console: escalate a complaint to stage 2, and record that the council responded to an
 * FOI request, subject access request or complaint, which stops its clock. Both are safe to repeat: a second call
 * records nothing and answers the first receipt. What is due and overdue shows on the single view
 * ({@code statutoryClocks}).
 */
@RestController
@RequestMapping("/console/customers/{customerId}/contacts/{contactId}")
@Tag(name = "Agent console")
@SecurityRequirement(name = "bearer")
public class StatutoryClocksController {
    private final CommandGateway commands;

    public StatutoryClocksController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Escalate a complaint to stage 2: stage 1's clock stops, stage 2's starts")
    @PostMapping("/escalation")
    @ResponseStatus(HttpStatus.CREATED)
    public Receipt escalate(Authentication authentication, @PathVariable String customerId, @PathVariable String contactId,
                            @RequestBody(required = false) ComplaintEscalationRequest request,
                            @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                            @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        ComplaintEscalationRequest body = request == null ? new ComplaintEscalationRequest(null, null) : request;
        return commands.sendAndWait(new EscalateComplaint(customerId, contactId, body.escalatedAt()),
                provenance(Caller.of(authentication), customerId, body.channel(), correlationId, idempotencyKey));
    }

    @Operation(summary = "Record that the council responded to an FOI request, subject access request or complaint")
    @PostMapping("/response")
    @ResponseStatus(HttpStatus.CREATED)
    public Receipt recordResponse(Authentication authentication, @PathVariable String customerId,
                                  @PathVariable String contactId,
                                  @RequestBody(required = false) StatutoryResponseRequest request,
                                  @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                                  @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        StatutoryResponseRequest body = request == null ? new StatutoryResponseRequest(null, null) : request;
        return commands.sendAndWait(new RecordStatutoryResponse(customerId, contactId, body.respondedAt()),
                provenance(Caller.of(authentication), customerId, body.channel(), correlationId, idempotencyKey));
    }

    /** Who acted; the channel only when the request names one (an officer's action may have none). */
    private static MetaData provenance(Caller caller, String customerId, Channel channel, String correlationId,
                                       String idempotencyKey) {
        MetaData metaData = Provenances.of(caller, customerId, channel != null ? channel : Channel.PHONE, correlationId,
                idempotencyKey);
        return channel != null ? metaData : metaData.withoutKeys(Set.of(Provenance.CHANNEL));
    }
}
