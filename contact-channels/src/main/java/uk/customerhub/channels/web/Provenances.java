package uk.customerhub.channels.web;

import org.axonframework.messaging.MetaData;
import uk.customerhub.api.Channel;
import uk.customerhub.api.Provenance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the "who acted" metadata every command carries (see {@link Provenance}). On whose behalf and the channel are
 * left out when there is none (a contact not yet attributed to a customer; closing an unattributed contact).
 */
public final class Provenances {
    private Provenances() {
    }

    public static MetaData of(Caller caller, String onBehalfOf, Channel channel, String correlationId, String idempotencyKey) {
        Map<String, Object> values = new HashMap<>();
        values.put(Provenance.ACTOR, caller.subject());
        values.put(Provenance.ROLE, caller.primaryRole().name());
        if (onBehalfOf != null) {
            values.put(Provenance.ON_BEHALF_OF, onBehalfOf);
        }
        if (channel != null) {
            values.put(Provenance.CHANNEL, channel.name());
        }
        values.put(Provenance.ORGANISATION, caller.organisation());
        values.put(Provenance.CORRELATION_ID, correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId);
        if (caller.identityLevel() != null) {
            values.put(Provenance.IDENTITY_LEVEL, caller.identityLevel());
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            values.put(Provenance.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return MetaData.from(values);
    }
}
