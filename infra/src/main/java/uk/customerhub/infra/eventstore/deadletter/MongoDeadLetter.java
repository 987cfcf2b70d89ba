package uk.customerhub.infra.eventstore.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A dead letter read from {@link MongoSequencedDeadLetterQueue}: its stored {@link #id()} (the letter document's
 * {@code _id}), its {@link #index()} within its sequence, and the sequence's identifier, besides what every
 * {@link DeadLetter} has. The {@code with...} and {@link #markTouched()} copies keep the id, so a changed copy can be
 * handed back to the queue's {@code requeue}.
 */
public final class MongoDeadLetter<M extends EventMessage<?>> implements DeadLetter<M> {
    private final String id;
    private final long index;
    private final String sequenceIdentifier;
    private final Instant enqueuedAt;
    private final Instant lastTouched;
    private final Cause cause;
    private final MetaData diagnostics;
    private final M message;

    public MongoDeadLetter(String id, long index, String sequenceIdentifier, Instant enqueuedAt, Instant lastTouched,
                           Cause cause, MetaData diagnostics, M message) {
        this.id = Objects.requireNonNull(id, "id");
        this.index = index;
        this.sequenceIdentifier = Objects.requireNonNull(sequenceIdentifier, "sequenceIdentifier");
        this.enqueuedAt = Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        this.lastTouched = Objects.requireNonNull(lastTouched, "lastTouched");
        this.cause = cause;
        this.diagnostics = diagnostics == null ? MetaData.emptyInstance() : diagnostics;
        this.message = Objects.requireNonNull(message, "message");
    }

    /** The letter document's {@code _id}. */
    public String id() {
        return id;
    }

    /** The letter's position in its sequence; later letters have higher indexes. */
    public long index() {
        return index;
    }

    /** The sequence identifier as stored (a String as given, anything else as its hash code). */
    public String sequenceIdentifier() {
        return sequenceIdentifier;
    }

    @Override
    public M message() {
        return message;
    }

    @Override
    public Optional<Cause> cause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public Instant enqueuedAt() {
        return enqueuedAt;
    }

    @Override
    public Instant lastTouched() {
        return lastTouched;
    }

    @Override
    public MetaData diagnostics() {
        return diagnostics;
    }

    @Override
    public DeadLetter<M> markTouched() {
        return new MongoDeadLetter<>(id, index, sequenceIdentifier, enqueuedAt, GenericDeadLetter.clock.instant(),
                                     cause, diagnostics, message);
    }

    @Override
    public DeadLetter<M> withCause(Throwable requeueCause) {
        return new MongoDeadLetter<>(id, index, sequenceIdentifier, enqueuedAt, GenericDeadLetter.clock.instant(),
                                     requeueCause != null ? ThrowableCause.asCause(requeueCause) : cause,
                                     diagnostics, message);
    }

    @Override
    public DeadLetter<M> withDiagnostics(MetaData diagnostics) {
        return new MongoDeadLetter<>(id, index, sequenceIdentifier, enqueuedAt, GenericDeadLetter.clock.instant(),
                                     cause, diagnostics, message);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MongoDeadLetter<?> that)) {
            return false;
        }
        return index == that.index && id.equals(that.id) && sequenceIdentifier.equals(that.sequenceIdentifier)
                && enqueuedAt.equals(that.enqueuedAt) && lastTouched.equals(that.lastTouched)
                && Objects.equals(cause, that.cause) && diagnostics.equals(that.diagnostics)
                && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, index, sequenceIdentifier, enqueuedAt, lastTouched, cause, diagnostics, message);
    }

    @Override
    public String toString() {
        return "MongoDeadLetter{id='" + id + "', index=" + index + ", sequenceIdentifier='" + sequenceIdentifier
                + "', enqueuedAt=" + enqueuedAt + ", lastTouched=" + lastTouched + ", cause=" + cause
                + ", diagnostics=" + diagnostics + ", message=" + message + '}';
    }
}
