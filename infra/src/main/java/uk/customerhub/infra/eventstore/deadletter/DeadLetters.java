package uk.customerhub.infra.eventstore.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an ADMIN endpoint needs for one processing group's dead letters: a read-only listing (nothing here changes
 * the queue, and no event payload is deserialized: the views carry the payload type, ids and cause only) and a retry
 * that goes through Axon's {@link SequencedDeadLetterProcessor}, so the group's own event handlers run again and the
 * letters are evicted on success or requeued (with the new cause) on failure.
 * <p>
 * The processor comes from Axon: {@code configuration.eventProcessingConfiguration()
 * .sequencedDeadLetterProcessor(group)}.
 */
public final class DeadLetters {
    private final MongoSequencedDeadLetterQueue<? extends EventMessage<?>> queue;

    public DeadLetters(MongoSequencedDeadLetterQueue<? extends EventMessage<?>> queue) {
        this.queue = queue;
    }

    /** One dead letter, as an admin sees it. */
    public record LetterView(String id, String sequenceIdentifier, long index, String messageIdentifier,
                             String payloadType, String aggregateType, String aggregateIdentifier,
                             Long aggregateSequenceNumber, Instant eventTimestamp, String causeType,
                             String causeMessage, Instant enqueuedAt, Instant lastTouched,
                             Map<String, Object> diagnostics) {
    }

    /** One sequence: its size and the letter blocking it (the next one a retry handles). */
    public record SequenceView(String sequenceIdentifier, long size, LetterView first) {
    }

    /** The group's name. */
    public String processingGroup() {
        return queue.processingGroup();
    }

    /** Letters in the group, sequences in the group, and the limits against which the queue counts as full. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("letters", queue.size());
        counts.put("sequences", queue.amountOfSequences());
        return counts;
    }

    /** Up to {@code limit} sequences, the one a plain retry would take first (least recently touched) first. */
    public List<SequenceView> sequences(int limit) {
        List<SequenceView> views = new ArrayList<>();
        for (String sequenceId : queue.sequenceIdentifiers()) {
            if (views.size() >= limit) {
                break;
            }
            Optional<? extends MongoDeadLetter<?>> first = queue.firstLetterOf(sequenceId);
            first.ifPresent(letter -> views.add(new SequenceView(sequenceId, queue.sequenceSize(sequenceId),
                                                                 view(letter))));
        }
        return views;
    }

    /** Up to {@code limit} letters of one sequence, in the order they will be retried. */
    public List<LetterView> letters(String sequenceIdentifier, int limit) {
        List<LetterView> views = new ArrayList<>();
        for (DeadLetter<?> letter : queue.deadLetterSequence(sequenceIdentifier)) {
            if (views.size() >= limit) {
                break;
            }
            views.add(view((MongoDeadLetter<?>) letter));
        }
        return views;
    }

    /**
     * Retries one sequence now: its letters are handed, in order, to the group's handlers until one fails again.
     *
     * @return true if the whole sequence was handled and evicted; false if a letter failed again (it stays, with
     * the new cause), the sequence is being processed elsewhere, or it does not exist
     */
    public boolean retry(SequencedDeadLetterProcessor<EventMessage<?>> processor, String sequenceIdentifier) {
        return processor.process(letter -> letter instanceof MongoDeadLetter<?> stored
                && stored.sequenceIdentifier().equals(sequenceIdentifier));
    }

    /** Retries the least recently touched sequence that no other node is processing. */
    public boolean retryOldest(SequencedDeadLetterProcessor<EventMessage<?>> processor) {
        return processor.processAny();
    }

    static LetterView view(MongoDeadLetter<?> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Cause cause = letter.cause().orElse(null);
        return new LetterView(letter.id(), letter.sequenceIdentifier(), letter.index(), message.getIdentifier(),
                              payloadTypeOf(message),
                              domain == null ? null : domain.getType(),
                              domain == null ? null : domain.getAggregateIdentifier(),
                              domain == null ? null : domain.getSequenceNumber(),
                              message.getTimestamp(),
                              cause == null ? null : cause.type(), cause == null ? null : cause.message(),
                              letter.enqueuedAt(), letter.lastTouched(),
                              Collections.unmodifiableMap(new LinkedHashMap<>(letter.diagnostics())));
    }

    private static String payloadTypeOf(EventMessage<?> message) {
        try {
            return message.getPayloadType().getName();
        } catch (RuntimeException unknownType) {
            return "(unreadable: " + unknownType.getMessage() + ")";
        }
    }
}
