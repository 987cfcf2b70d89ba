package uk.customerhub.infra.clocks;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.projections.clocks.StatutoryClockTimers;

import java.time.Clock;

/**
 * Statutory clocks: the targets the customer record computes due dates with (an injectable resource of its command
 * handlers, like {@code UniqueKeys}), the hub's clock, and the durable timer that marks clocks overdue: the pending
 * timers kept by the "statutory-clock-timers" tracking processor (see application.yml) and the poller that reads them.
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

    /** The pending timers: one document per running clock, kept from the customer records' events. */
    @Bean
    StatutoryClockTimers statutoryClockTimers(MongoDatabase database) {
        return new StatutoryClockTimers(database);
    }

    @Bean
    OverdueClockPoller overdueClockPoller(StatutoryClockTimers timers, CommandGateway commandGateway, Clock clock,
                                          StatutoryClockProperties properties) {
        return new OverdueClockPoller(timers, commandGateway, clock, properties.pollInterval(), properties.pollBatch());
    }
}
