package uk.customerhub.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A hub clock a test moves by hand: system time until {@link #moveTo} or {@link #advance}, and again after
 * {@link #reset}. Registered through {@link Sources} (given to {@link RunningHub#start}), never by a stereotype
 * annotation, so it replaces the hub's clock only in the test that asks for it.
 */
final class MovableHubClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** From now on, the time is {@code instant} plus however long has passed since this call. */
    void moveTo(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    /** Back to system time. */
    void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** The movable clock as the hub's (primary) clock bean. */
    static class Sources {
        @Bean
        @Primary
        MovableHubClock movableHubClock() {
            return new MovableHubClock();
        }
    }
}
