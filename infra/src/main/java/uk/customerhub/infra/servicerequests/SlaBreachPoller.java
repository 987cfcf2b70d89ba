package uk.customerhub.infra.servicerequests;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.customerhub.api.MarkSlaBreached;
import uk.customerhub.api.Provenance;
import uk.customerhub.infra.timers.DurableTimerPoller;
import uk.customerhub.api.SlaTargetStatus;
import uk.customerhub.projections.sla.DueSlaTimer;
import uk.customerhub.projections.sla.SlaTimers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The durable timer of service level targets, built like the statutory clocks' ({@code OverdueClockPoller}, ADR
 * 0003): every {@code hub.sla.poll-interval} (30 s) it reads the pending targets that have run out
 * ({@link SlaTimers#due}) and sends {@link MarkSlaBreached} to each one's record, which applies
 * {@code SlaTargetBreached} once (and that makes a task for staff). A timer is forgotten once the record answers the
 * target no longer runs; pending timers are in MongoDB, so a target that runs out while the hub is down is marked at
 * the first look after it starts. "Now" is the hub's {@link Clock} bean, so tests move it.
 */
public class SlaBreachPoller extends DurableTimerPoller {
    /** The actor the breach events name. */
    public static final String ACTOR = "system:sla-timer";
    private static final Logger log = LoggerFactory.getLogger(SlaBreachPoller.class);

    private final SlaTimers timers;
    private final CommandGateway commands;
    private final Clock clock;
    private final int batch;

    public SlaBreachPoller(SlaTimers timers, CommandGateway commands, Clock clock, Duration interval, int batch) {
        super("sla-timer", "hub.sla.poll-interval", interval);
        this.timers = timers;
        this.commands = commands;
        this.clock = clock;
        this.batch = batch;
    }

    /**
     * One look: marks breached every running target whose due time has passed (at most a batch).
     *
     * @return how many targets the records marked breached
     */
    @Override
    public int pollOnce() {
        Instant now = clock.instant();
        List<DueSlaTimer> due = timers.due(now, batch);
        int breached = 0;
        for (DueSlaTimer timer : due) {
            try {
                SlaTargetStatus status = commands.sendAndWait(new MarkSlaBreached(timer.customerId(),
                        timer.serviceRequestId(), timer.target(), now), provenance(timer));
                if (status == SlaTargetStatus.BREACHED) {
                    breached++;
                }
                if (status != SlaTargetStatus.RUNNING) {
                    timers.forget(timer.timerId());
                }
            } catch (AggregateNotFoundException e) {
                log.warn("no customer {} for service level timer {}: forgetting it", timer.customerId(), timer.timerId());
                timers.forget(timer.timerId());
            } catch (RuntimeException e) {
                log.warn("could not mark service level target {} of customer {} breached; trying again at the next look",
                        timer.timerId(), timer.customerId(), e);
            }
        }
        if (breached > 0) {
            log.info("{} service level target(s) marked breached", breached);
        }
        return breached;
    }

    private static MetaData provenance(DueSlaTimer timer) {
        return MetaData.with(Provenance.ACTOR, ACTOR)
                .and(Provenance.ON_BEHALF_OF, timer.customerId())
                .and(Provenance.ORGANISATION, timer.organisation())
                .and(Provenance.CORRELATION_ID, UUID.randomUUID().toString());
    }
}
