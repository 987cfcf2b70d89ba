package uk.customerhub.infra.clocks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.clocks.StatutoryTargets;

import java.time.Clock;

/**
 * Statutory clocks: the targets the customer record computes due dates with (an injectable resource of its command
 * handlers, like {@code UniqueKeys}), the hub's clock, and the durable timer that marks clocks overdue.
 */
@Configuration(proxyBeanMethods = false)
public class StatutoryClockConfiguration {

    /** What the customer record's command handlers get as {@link StatutoryTargets}. */
    @Bean
    StatutoryTargets statutoryTargets(StatutoryClockProperties properties) {
        return properties.targets();
    }

    /** The hub's clock: the timer asks it whether a due date has passed, so tests can move it. */
    @Bean
    Clock hubClock() {
        return Clock.systemUTC();
    }
}
