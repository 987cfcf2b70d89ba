package uk.customerhub.projections.routing.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h after each failure; Retry-After honoured. */
class RetryScheduleTest {
    static final Instant T = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void after_each_failure_the_next_attempt_follows_the_schedule_and_after_the_tenth_there_is_none() {
        List<Duration> waits = new ArrayList<>();
        for (int failed = 1; failed <= 10; failed++) {
            Optional<Instant> next = RetrySchedule.next(failed, T, null);
            next.ifPresent(at -> waits.add(Duration.between(T, at)));
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20),
                Duration.ofHours(24));
        assertThat(RetrySchedule.next(10, T, null)).isEmpty();
        assertThat(RetrySchedule.attempts()).isEqualTo(10);
    }

    @Test
    void a_longer_retry_after_delays_the_next_attempt_a_shorter_one_does_not_hasten_it_and_a_day_is_the_most() {
        assertThat(RetrySchedule.next(1, T, Duration.ofMinutes(2))).contains(T.plus(Duration.ofMinutes(2)));
        assertThat(RetrySchedule.next(3, T, Duration.ofMinutes(2))).contains(T.plus(Duration.ofMinutes(30)));
        assertThat(RetrySchedule.next(1, T, Duration.ofDays(7))).contains(T.plus(Duration.ofHours(24)));
    }
}
