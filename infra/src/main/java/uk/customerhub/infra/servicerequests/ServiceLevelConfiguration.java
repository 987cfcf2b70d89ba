package uk.customerhub.infra.servicerequests;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.projections.sla.SlaTimers;

import java.time.Clock;
import java.time.Duration;

/**
 * Service level targets' durable timer: the pending timers kept by the "sla-timers" tracking processor and the
 * poller that marks targets breached ({@code hub.sla.poll-interval}, {@code hub.sla.poll-batch}). The targets' due
 * dates are computed by the customer record with the statutory clocks' working-day calendar.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceLevelConfiguration {

    @Bean
    SlaTimers slaTimers(MongoDatabase database) {
        return new SlaTimers(database);
    }

    @Bean
    SlaBreachPoller slaBreachPoller(SlaTimers timers, CommandGateway commandGateway, Clock clock,
                                    @Value("${hub.sla.poll-interval:30s}") Duration interval,
                                    @Value("${hub.sla.poll-batch:500}") int batch) {
        return new SlaBreachPoller(timers, commandGateway, clock, interval, batch);
    }
}
