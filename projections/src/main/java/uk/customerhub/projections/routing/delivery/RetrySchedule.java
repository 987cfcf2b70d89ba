package uk.customerhub.projections.routing.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a webhook is tried again: immediately, then 5 seconds, 5 minutes, 30 minutes, 2, 5, 10, 14, 20 and 24 hours
 * after each failed attempt — ten attempts in all, about three days — then the hub gives up. A provider that answers
 * with {@code Retry-After} is not tried before that (at most a day later).
 */
public final class RetrySchedule {
    /** The wait before each attempt: the first is immediate. */
    public static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
            Duration.ofHours(20), Duration.ofHours(24));
    /** The longest {@code Retry-After} honoured. */
    public static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private RetrySchedule() {
    }

    /** Attempts before the hub gives up. */
    public static int attempts() {
        return DELAYS.size();
    }

    /**
     * When to try next after the {@code failed}-th attempt (of this round; 1 is the first) failed at {@code failedAt};
     * empty when that was the last. {@code retryAfter}, when the provider gave one, delays it further, never less.
     */
    public static Optional<Instant> next(int failed, Instant failedAt, Duration retryAfter) {
        if (failed >= DELAYS.size()) {
            return Optional.empty();
        }
        Duration wait = DELAYS.get(Math.max(failed, 1));
        if (retryAfter != null && !retryAfter.isNegative()) {
            Duration asked = retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return Optional.of(failedAt.plus(wait));
    }
}
