package uk.customerhub.infra.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * All events one command applied to one aggregate, stored as ONE document so they are written atomically (the
 * embedded server has no multi-document transactions).
 * <pre>
 * { _id: first global position (long),     // unique: tracking fetches are $in lookups on it
 *   stream: "aggregateId/firstSequence",   // unique: a concurrent conflicting append fails on it
 *   aggregateId, aggregateType, firstSequence, lastSequence, reservedAt,
 *   events: [ { id, sequence, position, timestamp, payloadType, payloadRevision, payload, metaData } ] }
 * </pre>
 * Event {@code i} of the commit has the global position {@code _id + i}. Events not applied by an aggregate get a
 * stream of their own ({@code "event/<event id>"}).
 */
record EventCommit(long firstPosition, String stream, String aggregateId, String aggregateType, long firstSequence,
                   long lastSequence, Instant reservedAt, List<Document> events) {

    static final String ID = "_id";
    static final String STREAM = "stream";
    private static final String NON_DOMAIN_STREAM_PREFIX = "event/";

    /** The stream key of an aggregate's commit starting at {@code firstSequence}. */
    static String streamKey(String aggregateId, long firstSequence) {
        return aggregateId + "/" + firstSequence;
    }

    static EventCommit of(List<? extends EventMessage<?>> events, long firstPosition, Instant reservedAt, Serializer serializer) {
        EventMessage<?> first = events.get(0);
        List<Document> stored = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            EventMessage<?> event = events.get(i);
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            Document document = new Document("id", event.getIdentifier())
                    .append("position", firstPosition + i)
                    .append("timestamp", event.getTimestamp().toString())
                    .append("payloadType", payload.getType().getName())
                    .append("payloadRevision", payload.getType().getRevision())
                    .append("payload", payload.getData())
                    .append("metaData", metaData.getData());
            if (event instanceof DomainEventMessage<?> domainEvent) {
                document.append("sequence", domainEvent.getSequenceNumber());
            }
            stored.add(document);
        }
        if (first instanceof DomainEventMessage<?> domainEvent) {
            long firstSequence = domainEvent.getSequenceNumber();
            return new EventCommit(firstPosition, streamKey(domainEvent.getAggregateIdentifier(), firstSequence),
                    domainEvent.getAggregateIdentifier(), domainEvent.getType(), firstSequence,
                    ((DomainEventMessage<?>) events.get(events.size() - 1)).getSequenceNumber(), reservedAt, stored);
        }
        return new EventCommit(firstPosition, NON_DOMAIN_STREAM_PREFIX + first.getIdentifier(), null, null, 0, 0,
                reservedAt, stored);
    }

    static EventCommit from(Document document) {
        return new EventCommit(document.getLong(ID), document.getString(STREAM), document.getString("aggregateId"),
                document.getString("aggregateType"), document.getLong("firstSequence"), document.getLong("lastSequence"),
                document.getDate("reservedAt").toInstant(), document.getList("events", Document.class));
    }

    Document document() {
        return new Document(ID, firstPosition)
                .append(STREAM, stream)
                .append("aggregateId", aggregateId)
                .append("aggregateType", aggregateType)
                .append("firstSequence", firstSequence)
                .append("lastSequence", lastSequence)
                .append("reservedAt", Date.from(reservedAt))
                .append("events", events);
    }

    long lastPosition() {
        return firstPosition + events.size() - 1;
    }

    boolean isDomainStream() {
        return aggregateId != null;
    }

    /** The events as Axon's stored-event data, ready for upcasting and deserialising. */
    List<DomainEventData<String>> eventData() {
        List<DomainEventData<String>> data = new ArrayList<>(events.size());
        for (Document event : events) {
            data.add(new GenericDomainEventEntry<>(aggregateType,
                    isDomainStream() ? aggregateId : event.getString("id"),
                    isDomainStream() ? event.getLong("sequence") : 0L,
                    event.getString("id"), event.getString("timestamp"), event.getString("payloadType"),
                    event.getString("payloadRevision"), event.getString("payload"), event.getString("metaData")));
        }
        return data;
    }
}
