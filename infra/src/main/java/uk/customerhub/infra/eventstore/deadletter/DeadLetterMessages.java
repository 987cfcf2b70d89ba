package uk.customerhub.infra.eventstore.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Turns a dead-lettered event into the fields of its letter document and back, the way Axon's
 * {@code EventMessageDeadLetterJpaConverter} does: payload (kept serialized, so it is deserialized lazily and a payload
 * that can no longer be read still loads as a letter) and metadata with the event serializer, identifier, timestamp,
 * payload type and revision; for a domain event its aggregate type, id and sequence number; for a tracked event its
 * tracking token, serialized with the generic serializer.
 */
final class DeadLetterMessages {
    static final String MESSAGE_TYPE = "messageType";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String TOKEN_TYPE = "tokenType";
    static final String TOKEN = "token";

    private final Serializer eventSerializer;
    private final Serializer genericSerializer;

    DeadLetterMessages(Serializer eventSerializer, Serializer genericSerializer) {
        this.eventSerializer = eventSerializer;
        this.genericSerializer = genericSerializer;
    }

    /** Appends the event's fields to {@code target}. */
    Document write(EventMessage<?> message, Document target) {
        SerializedObject<byte[]> payload = message.serializePayload(eventSerializer, byte[].class);
        SerializedObject<byte[]> metaData = eventSerializer.serialize(message.getMetaData(), byte[].class);
        target.append(MESSAGE_TYPE, message.getClass().getName())
              .append(EVENT_IDENTIFIER, message.getIdentifier())
              .append(TIMESTAMP, message.getTimestamp().toString())
              .append(PAYLOAD_TYPE, payload.getType().getName())
              .append(PAYLOAD_REVISION, payload.getType().getRevision())
              .append(PAYLOAD, new Binary(payload.getData()))
              .append(META_DATA, new Binary(metaData.getData()));
        if (message instanceof DomainEventMessage<?> domain) {
            target.append(AGGREGATE_TYPE, domain.getType())
                  .append(AGGREGATE_IDENTIFIER, domain.getAggregateIdentifier())
                  .append(SEQUENCE_NUMBER, domain.getSequenceNumber());
        }
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            SerializedObject<byte[]> token = genericSerializer.serialize(tracked.trackingToken(), byte[].class);
            target.append(TOKEN_TYPE, token.getType().getName())
                  .append(TOKEN, new Binary(token.getData()));
        }
        return target;
    }

    /** The event stored in {@code letter}, of the same kind (tracked or not, domain or not) as was stored. */
    EventMessage<?> read(Document letter) {
        SerializedObject<byte[]> payload = new SimpleSerializedObject<>(
                letter.get(PAYLOAD, Binary.class).getData(), byte[].class,
                letter.getString(PAYLOAD_TYPE), letter.getString(PAYLOAD_REVISION));
        SerializedObject<byte[]> metaData = new SerializedMetaData<>(
                letter.get(META_DATA, Binary.class).getData(), byte[].class);
        SerializedMessage<?> serialized = new SerializedMessage<>(
                letter.getString(EVENT_IDENTIFIER), payload, metaData, eventSerializer);
        String timestamp = letter.getString(TIMESTAMP);
        Supplier<Instant> timestampSupplier = () -> Instant.parse(timestamp);

        String aggregateIdentifier = letter.getString(AGGREGATE_IDENTIFIER);
        TrackingToken token = null;
        Binary tokenData = letter.get(TOKEN, Binary.class);
        if (tokenData != null) {
            token = genericSerializer.deserialize(new SimpleSerializedObject<>(
                    tokenData.getData(), byte[].class, letter.getString(TOKEN_TYPE), null));
        }
        if (aggregateIdentifier != null) {
            String type = letter.getString(AGGREGATE_TYPE);
            long sequenceNumber = letter.get(SEQUENCE_NUMBER, Number.class).longValue();
            return token != null
                    ? new GenericTrackedDomainEventMessage<>(token, type, aggregateIdentifier, sequenceNumber,
                                                             serialized, timestampSupplier)
                    : new GenericDomainEventMessage<>(type, aggregateIdentifier, sequenceNumber,
                                                      serialized, timestampSupplier);
        }
        return token != null
                ? new GenericTrackedEventMessage<>(token, serialized, timestampSupplier)
                : new GenericEventMessage<>(serialized, timestampSupplier);
    }

    byte[] writeDiagnostics(MetaData diagnostics) {
        return eventSerializer.serialize(diagnostics == null ? MetaData.emptyInstance() : diagnostics, byte[].class)
                              .getData();
    }

    MetaData readDiagnostics(Binary diagnostics) {
        if (diagnostics == null) {
            return MetaData.emptyInstance();
        }
        return eventSerializer.deserialize(new SerializedMetaData<>(diagnostics.getData(), byte[].class));
    }
}
