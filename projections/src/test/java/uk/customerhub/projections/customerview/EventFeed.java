package uk.customerhub.projections.customerview;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import uk.customerhub.api.Provenance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Delivers events to the projection as a tracking processor would: as domain event messages of a customer's record,
 * numbered from 0 per customer, stamped one minute apart, with the organisation in their metadata.
 */
final class EventFeed {
    static final Instant FIRST_RECORDED_AT = Instant.parse("2026-03-02T09:00:00Z");

    private final AnnotationEventHandlerAdapter handler;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private Instant clock = FIRST_RECORDED_AT;

    EventFeed(Object projection) {
        this.handler = new AnnotationEventHandlerAdapter(projection);
    }

    /** Records {@code event} as the next event of {@code customerId}'s record (organisation: the council) and delivers it. */
    DomainEventMessage<?> publish(String customerId, Object event) {
        return publish(customerId, event, Provenance.DEFAULT_ORGANISATION);
    }

    synchronized DomainEventMessage<?> publish(String customerId, Object event, String organisation) {
        DomainEventMessage<?> message = next(customerId, event, organisation);
        deliver(message);
        return message;
    }

    /** Records {@code event} as the next event of {@code customerId}'s record (organisation: the council), undelivered. */
    DomainEventMessage<?> next(String customerId, Object event) {
        return next(customerId, event, Provenance.DEFAULT_ORGANISATION);
    }

    private synchronized DomainEventMessage<?> next(String customerId, Object event, String organisation) {
        long sequence = nextSequence.merge(customerId, 1L, Long::sum) - 1;
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Customer", customerId, sequence, event,
                Map.of(Provenance.ORGANISATION, organisation), UUID.randomUUID().toString(), clock);
        clock = clock.plus(Duration.ofMinutes(1));
        return message;
    }

    /** Delivers a message, again when it was delivered before. */
    void deliver(DomainEventMessage<?> message) {
        try {
            handler.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException("the projection failed on " + message.getPayloadType().getSimpleName(), e);
        }
    }
}
